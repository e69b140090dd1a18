using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// The member's points as kept in <see cref="MemberState"/> (lots and debt), moved by the domain's
/// <see cref="PointsWallet"/>: the rules live, and are property-tested, in one place.
/// </summary>
internal static class MemberWallet
{
    /// <summary>
    /// <see cref="PointsWallet.Balance"/> read straight off the state: every quote asks (the member's pricing view),
    /// so it builds no wallet.
    /// </summary>
    public static long Balance(MemberState s)
    {
        var total = 0L;
        foreach (var lot in s.Lots)
        {
            total += lot.Points;
        }
        return total - s.Debt;
    }

    /// <summary>Takes out the lots that expired before <paramref name="today"/>; returns how many points that was.</summary>
    public static long Expire(MemberState s, DateOnly today)
    {
        var (wallet, expired) = Of(s).Expire(today);
        Keep(s, wallet);
        return expired;
    }

    /// <summary>Points earned on <paramref name="earnedOn"/> (store-local): they repay any debt first, the rest is a lot.</summary>
    public static void Earn(MemberState s, long points, DateOnly earnedOn, ExpiryPolicy expiry) =>
        Keep(s, Of(s).Earn(points, earnedOn, expiry));

    /// <summary>Spends points, oldest lots first; refused beyond the balance.</summary>
    public static void Burn(MemberState s, long points)
    {
        if (!Of(s).TryBurn(points, out var after))
        {
            throw new LoyaltyException(ErrorCodes.PointsInsufficient, $"The member has {Balance(s)} points; {points} cannot be redeemed.", 409);
        }
        Keep(s, after);
    }

    /// <summary>
    /// Takes back points a return undoes, newest lots first (they hold what the returned purchase earned); what the
    /// member already spent becomes debt or is forgiven, as <paramref name="shortfall"/> says.
    /// </summary>
    /// <returns>The points forgiven.</returns>
    public static long Clawback(MemberState s, long points, ClawbackShortfall shortfall)
    {
        var (wallet, forgiven) = Of(s).Clawback(points, shortfall);
        Keep(s, wallet);
        return forgiven;
    }

    /// <summary>Lots lapsing within <paramref name="days"/> of <paramref name="today"/>, soonest first.</summary>
    public static IReadOnlyList<ExpiringPoints> Expiring(MemberState s, DateOnly today, int days) => Of(s).Expiring(today, days);

    private static PointsWallet Of(MemberState s) => new([.. s.Lots.Select(l => new PointsLot(l.ExpiresOn, l.Points))], s.Debt);

    private static void Keep(MemberState s, PointsWallet wallet)
    {
        s.Lots = [.. wallet.Lots.Select(l => new PointsLotState(l.ExpiresOn, l.Points))];
        s.Debt = wallet.Deficit;
    }
}

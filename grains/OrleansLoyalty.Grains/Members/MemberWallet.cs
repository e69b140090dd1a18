using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// Points in lots by expiry date. Burning takes the oldest lots first; earning repays any debt a return
/// left first. Lots that expire on the same day are one lot.
/// </summary>
internal static class MemberWallet
{
    public static long Balance(MemberState s) => s.Lots.Sum(l => l.Points) - s.Debt;

    /// <summary>Takes out the lots that expired before <paramref name="today"/>; returns how many points that was.</summary>
    public static long Expire(MemberState s, DateOnly today)
    {
        var expired = s.Lots.Where(l => l.ExpiresOn < today).Sum(l => l.Points);
        s.Lots.RemoveAll(l => l.ExpiresOn < today);
        return expired;
    }

    public static void Earn(MemberState s, long points, DateOnly expiresOn)
    {
        var repay = Math.Min(points, s.Debt);
        s.Debt -= repay;
        points -= repay;
        if (points <= 0)
        {
            return;
        }
        var index = s.Lots.FindIndex(l => l.ExpiresOn == expiresOn);
        if (index >= 0)
        {
            s.Lots[index] = s.Lots[index] with { Points = s.Lots[index].Points + points };
        }
        else
        {
            s.Lots.Add(new PointsLotState(expiresOn, points));
            s.Lots.Sort((a, b) => a.ExpiresOn.CompareTo(b.ExpiresOn));
        }
    }

    public static void Burn(MemberState s, long points)
    {
        if (points > Balance(s))
        {
            throw new LoyaltyException(ErrorCodes.PointsInsufficient, $"The member has {Balance(s)} points; {points} cannot be redeemed.", 409);
        }
        for (var i = 0; i < s.Lots.Count && points > 0; i++)
        {
            var take = Math.Min(points, s.Lots[i].Points);
            s.Lots[i] = s.Lots[i] with { Points = s.Lots[i].Points - take };
            points -= take;
        }
        s.Lots.RemoveAll(l => l.Points == 0);
    }

    /// <summary>
    /// Takes back points a return undoes: from the lots first (oldest first); what the member already spent
    /// becomes debt when <paramref name="allowDebt"/> (later earning repays it), else it is forgiven.
    /// </summary>
    /// <returns>The points forgiven.</returns>
    public static long Clawback(MemberState s, long points, bool allowDebt)
    {
        var fromLots = Math.Min(points, Math.Max(0, s.Lots.Sum(l => l.Points)));
        for (var i = 0; i < s.Lots.Count && fromLots > 0; i++)
        {
            var take = Math.Min(fromLots, s.Lots[i].Points);
            s.Lots[i] = s.Lots[i] with { Points = s.Lots[i].Points - take };
            fromLots -= take;
            points -= take;
        }
        s.Lots.RemoveAll(l => l.Points == 0);
        if (allowDebt)
        {
            s.Debt += points;
            return 0;
        }
        return points;
    }

    /// <summary>Lots expiring within <paramref name="days"/> of <paramref name="today"/>, soonest first.</summary>
    public static IReadOnlyList<ExpiringPoints> Expiring(MemberState s, DateOnly today, int days) =>
        s.Lots.Where(l => l.ExpiresOn <= today.AddDays(days)).Select(l => new ExpiringPoints(l.Points, l.ExpiresOn)).ToList();
}

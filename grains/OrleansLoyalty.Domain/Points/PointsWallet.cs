namespace OrleansLoyalty.Domain;

/// <summary>
/// A member's points as an immutable value: lots ordered by expiry (oldest first) and a <see cref="Deficit"/>
/// left by clawbacks beyond the balance, which later earning repays before it makes a new lot.
/// Every operation returns a new wallet.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.PointsWallet")]
public sealed record PointsWallet(
    [Id(0)] ImmutableArray<PointsLot> Lots,
    [Id(1)] long Deficit)
{
    public static PointsWallet Empty { get; } = new([], 0);

    /// <summary>Points the member can use; negative while a deficit is unpaid.</summary>
    public long Balance
    {
        get
        {
            long total = 0;
            foreach (var lot in SafeLots)
            {
                total += lot.Points;
            }
            return total - Deficit;
        }
    }

    private ImmutableArray<PointsLot> SafeLots => Lots.IsDefault ? [] : Lots;

    /// <summary>Adds points earned on <paramref name="earnedOn"/> (store-local); they repay any deficit first.</summary>
    public PointsWallet Earn(long points, DateOnly earnedOn, ExpiryPolicy? expiry = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var repaid = Math.Min(points, Deficit);
        var left = points - repaid;
        var lots = SafeLots;
        if (left > 0)
        {
            var expiresOn = (expiry ?? ExpiryPolicy.Default).ExpiresOn(earnedOn);
            var position = 0;
            while (position < lots.Length && lots[position].ExpiresOn < expiresOn)
            {
                position++;
            }
            lots = position < lots.Length && lots[position].ExpiresOn == expiresOn
                ? lots.SetItem(position, lots[position] with { Points = lots[position].Points + left })
                : lots.Insert(position, new PointsLot(expiresOn, left));
        }
        return new PointsWallet(lots, Deficit - repaid);
    }

    /// <summary>Points paid back to the member (a return of a basket paid with points): treated as freshly earned.</summary>
    public PointsWallet GiveBack(long points, DateOnly on, ExpiryPolicy? expiry = null) => Earn(points, on, expiry);

    /// <summary>Spends points, oldest lots first. Call <see cref="Expire"/> for today first.</summary>
    public bool TryBurn(long points, out PointsWallet after)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        if (points > Balance)
        {
            after = this;
            return false;
        }
        var lots = SafeLots.ToBuilder();
        var left = points;
        while (left > 0)
        {
            var take = Math.Min(left, lots[0].Points);
            left -= take;
            if (take == lots[0].Points)
            {
                lots.RemoveAt(0);
            }
            else
            {
                lots[0] = lots[0] with { Points = lots[0].Points - take };
            }
        }
        after = new PointsWallet(lots.ToImmutable(), Deficit);
        return true;
    }

    /// <inheritdoc cref="TryBurn"/>
    /// <exception cref="InsufficientPointsException">The balance is smaller than <paramref name="points"/>.</exception>
    public PointsWallet Burn(long points) =>
        TryBurn(points, out var after) ? after : throw new InsufficientPointsException(points, Balance);

    /// <summary>Removes every lot whose last day is before <paramref name="today"/>; answers how many points lapsed.</summary>
    public (PointsWallet Wallet, long Expired) Expire(DateOnly today)
    {
        long expired = 0;
        var kept = ImmutableArray.CreateBuilder<PointsLot>();
        foreach (var lot in SafeLots)
        {
            if (lot.ExpiresOn < today)
            {
                expired += lot.Points;
            }
            else
            {
                kept.Add(lot);
            }
        }
        return expired == 0 ? (this, 0) : (new PointsWallet(kept.ToImmutable(), Deficit), expired);
    }

    /// <summary>
    /// Takes points back (a return), newest lots first since those hold what the returned purchase earned.
    /// Beyond the balance the shortfall either becomes a deficit or is forgiven; answers the forgiven points.
    /// </summary>
    public (PointsWallet Wallet, long Forgiven) Clawback(long points, ClawbackShortfall shortfall = ClawbackShortfall.NegativeBalance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var lots = SafeLots.ToBuilder();
        var left = points;
        while (left > 0 && lots.Count > 0)
        {
            var last = lots.Count - 1;
            var take = Math.Min(left, lots[last].Points);
            left -= take;
            if (take == lots[last].Points)
            {
                lots.RemoveAt(last);
            }
            else
            {
                lots[last] = lots[last] with { Points = lots[last].Points - take };
            }
        }
        return shortfall == ClawbackShortfall.Forgive
            ? (new PointsWallet(lots.ToImmutable(), Deficit), left)
            : (new PointsWallet(lots.ToImmutable(), Deficit + left), 0);
    }

    /// <summary>Lots lapsing within <paramref name="withinDays"/> days of <paramref name="today"/>, soonest first.</summary>
    public ImmutableArray<ExpiringPoints> Expiring(DateOnly today, int withinDays)
    {
        var until = today.AddDays(withinDays);
        var expiring = ImmutableArray.CreateBuilder<ExpiringPoints>();
        foreach (var lot in SafeLots)
        {
            if (lot.ExpiresOn >= today && lot.ExpiresOn <= until && lot.Points > 0)
            {
                expiring.Add(new ExpiringPoints(lot.Points, lot.ExpiresOn));
            }
        }
        return expiring.ToImmutable();
    }
}

using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Api.Reports;

/// <summary>
/// Points and stored value moved in a period, by kind (docs/reports.md, "Points and stored value"): outflows are shown
/// as positive numbers; the two nets are the signed sums, what the period added to what the chain owes its members.
/// </summary>
public record LedgerFigures
{
    public long PointsEarned { get; init; }
    public long PointsGifted { get; init; }
    public long PointsReturned { get; init; }
    public long PointsRedeemed { get; init; }
    public long PointsExchanged { get; init; }
    public long PointsClawedBack { get; init; }
    public long PointsExpired { get; init; }
    public long PointsNet { get; init; }
    public long StoredValueToppedUp { get; init; }
    public long StoredValueReturned { get; init; }
    public long StoredValueSpent { get; init; }
    public long StoredValueRefunded { get; init; }
    public long StoredValueNet { get; init; }

    public static readonly LedgerFigures Zero = new();

    /// <summary>One kind's signed sums as figures (transfers between cards count only in the net).</summary>
    public static LedgerFigures Of(string kind, long points, long amount) => kind switch
    {
        LedgerKind.PointsEarned => new() { PointsEarned = points, PointsNet = points },
        LedgerKind.PointsSignupGift or LedgerKind.PointsReferralGift or LedgerKind.PointsBirthday => new() { PointsGifted = points, PointsNet = points },
        LedgerKind.PointsReturned => new() { PointsReturned = points, PointsNet = points },
        LedgerKind.PointsRedeemed => new() { PointsRedeemed = -points, PointsNet = points },
        LedgerKind.PointsExchanged => new() { PointsExchanged = -points, PointsNet = points },
        LedgerKind.PointsClawedBack => new() { PointsClawedBack = -points, PointsNet = points },
        LedgerKind.PointsExpired => new() { PointsExpired = -points, PointsNet = points },
        LedgerKind.StoredValueTopUp => new() { StoredValueToppedUp = amount, StoredValueNet = amount },
        LedgerKind.StoredValueReturned => new() { StoredValueReturned = amount, StoredValueNet = amount },
        LedgerKind.StoredValueSpent => new() { StoredValueSpent = -amount, StoredValueNet = amount },
        LedgerKind.StoredValueRefund => new() { StoredValueRefunded = -amount, StoredValueNet = amount },
        _ => new() { PointsNet = points, StoredValueNet = amount },
    };

    public LedgerFigures Plus(LedgerFigures o) => new()
    {
        PointsEarned = PointsEarned + o.PointsEarned,
        PointsGifted = PointsGifted + o.PointsGifted,
        PointsReturned = PointsReturned + o.PointsReturned,
        PointsRedeemed = PointsRedeemed + o.PointsRedeemed,
        PointsExchanged = PointsExchanged + o.PointsExchanged,
        PointsClawedBack = PointsClawedBack + o.PointsClawedBack,
        PointsExpired = PointsExpired + o.PointsExpired,
        PointsNet = PointsNet + o.PointsNet,
        StoredValueToppedUp = StoredValueToppedUp + o.StoredValueToppedUp,
        StoredValueReturned = StoredValueReturned + o.StoredValueReturned,
        StoredValueSpent = StoredValueSpent + o.StoredValueSpent,
        StoredValueRefunded = StoredValueRefunded + o.StoredValueRefunded,
        StoredValueNet = StoredValueNet + o.StoredValueNet,
    };
}

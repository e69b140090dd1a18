namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// The tiles of a dashboard for the local business day. Money in fen; shares in basis points
/// (10000 = 100 %) so that no floating-point number crosses the wire.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.DashboardFigures")]
public sealed record DashboardFigures
{
    public static readonly DashboardFigures Empty = new();

    /// <summary>Sales minus refunds.</summary>
    [Id(0)] public long NetSales { get; init; }
    [Id(1)] public long GrossSales { get; init; }
    [Id(2)] public long Refunds { get; init; }
    /// <summary>Committed checkouts (returns not included).</summary>
    [Id(3)] public long Transactions { get; init; }
    [Id(4)] public long Returns { get; init; }
    /// <summary>Gross sales ÷ transactions, in fen (rounded down).</summary>
    [Id(5)] public long AverageBasket { get; init; }
    [Id(6)] public long MemberSales { get; init; }
    [Id(7)] public long MemberTransactions { get; init; }
    /// <summary>Member sales ÷ gross sales in basis points.</summary>
    [Id(8)] public int MemberShareBasisPoints { get; init; }
    [Id(9)] public long DiscountTotal { get; init; }
    [Id(10)] public long PointsIssued { get; init; }
    [Id(11)] public long PointsRedeemed { get; init; }
    [Id(12)] public long StoredValueToppedUp { get; init; }
    [Id(13)] public long StoredValueSpent { get; init; }
    [Id(14)] public long NewMembers { get; init; }
    [Id(15)] public long CouponsRedeemed { get; init; }
    [Id(16)] public int LanesOnline { get; init; }
    [Id(17)] public int LanesTotal { get; init; }
}

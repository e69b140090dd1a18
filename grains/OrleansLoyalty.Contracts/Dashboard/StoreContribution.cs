namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// A store's whole day as the chain needs it: the chain grain keeps the latest one per store and
/// sums them, so a lost or repeated report never skews the chain figures.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.StoreContribution")]
public sealed record StoreContribution
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public required DateOnly Date { get; init; }
    [Id(2)] public required DashboardFigures Figures { get; init; }
    /// <summary>Non-zero minutes of the last hour.</summary>
    [Id(3)] public IReadOnlyList<MinutePoint> Minutes { get; init; } = [];
    /// <summary>Every category, not just the top ones, so that sums across stores are right.</summary>
    [Id(4)] public IReadOnlyList<CategorySales> Categories { get; init; } = [];
    [Id(5)] public IReadOnlyList<TierSales> TierMix { get; init; } = [];
    /// <summary>Activity since the previous report, newest first.</summary>
    [Id(6)] public IReadOnlyList<ActivityItem> NewActivity { get; init; } = [];
}

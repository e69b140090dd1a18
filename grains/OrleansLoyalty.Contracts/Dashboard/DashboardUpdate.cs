namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// What changed since the previous update. Every value is absolute (never a delta), so applying an
/// update twice, or an update whose changes a snapshot already holds, changes nothing:
/// <see cref="Figures"/>, <see cref="TopCategories"/> and <see cref="TierMix"/> replace the old ones;
/// <see cref="Minutes"/>, <see cref="Lanes"/> and <see cref="Stores"/> replace the entries with the
/// same minute / lane / store; <see cref="Activity"/> holds new items, newest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.DashboardUpdate")]
public sealed record DashboardUpdate
{
    [Id(0)] public required string Scope { get; init; }
    [Id(1)] public string? StoreId { get; init; }
    [Id(2)] public required string Epoch { get; init; }
    [Id(3)] public long Seq { get; init; }
    [Id(4)] public required DateOnly Date { get; init; }
    [Id(5)] public required DateTimeOffset At { get; init; }
    [Id(6)] public required DashboardFigures Figures { get; init; }
    [Id(7)] public IReadOnlyList<MinutePoint> Minutes { get; init; } = [];
    [Id(8)] public IReadOnlyList<CategorySales> TopCategories { get; init; } = [];
    [Id(9)] public IReadOnlyList<TierSales> TierMix { get; init; } = [];
    [Id(10)] public IReadOnlyList<LaneState> Lanes { get; init; } = [];
    [Id(11)] public IReadOnlyList<StoreRanking> Stores { get; init; } = [];
    [Id(12)] public IReadOnlyList<ActivityItem> Activity { get; init; } = [];
}

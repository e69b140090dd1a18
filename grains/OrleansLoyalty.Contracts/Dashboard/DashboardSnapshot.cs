namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// Everything a dashboard shows, sent once when a client joins. <see cref="Epoch"/> changes when the
/// grain is activated again (its figures were rebuilt); <see cref="Seq"/> grows with every update
/// within an epoch.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.DashboardSnapshot")]
public sealed record DashboardSnapshot
{
    /// <summary><see cref="DashboardScopes.Store"/> or <see cref="DashboardScopes.Chain"/>.</summary>
    [Id(0)] public required string Scope { get; init; }
    /// <summary>The store, or null for the chain.</summary>
    [Id(1)] public string? StoreId { get; init; }
    [Id(2)] public required string Epoch { get; init; }
    [Id(3)] public long Seq { get; init; }
    /// <summary>The local business day the figures are for.</summary>
    [Id(4)] public required DateOnly Date { get; init; }
    /// <summary>IANA time zone of <see cref="Date"/> and of the minute series.</summary>
    [Id(5)] public required string TimeZone { get; init; }
    [Id(6)] public required DateTimeOffset At { get; init; }
    [Id(7)] public required DashboardFigures Figures { get; init; }
    /// <summary>The last 60 minutes, oldest first, one point per minute (zeros included).</summary>
    [Id(8)] public IReadOnlyList<MinutePoint> Minutes { get; init; } = [];
    [Id(9)] public IReadOnlyList<CategorySales> TopCategories { get; init; } = [];
    [Id(10)] public IReadOnlyList<TierSales> TierMix { get; init; } = [];
    /// <summary>The store's lanes (empty for the chain).</summary>
    [Id(11)] public IReadOnlyList<LaneState> Lanes { get; init; } = [];
    /// <summary>Stores by net sales, highest first (empty for a store).</summary>
    [Id(12)] public IReadOnlyList<StoreRanking> Stores { get; init; } = [];
    /// <summary>Recent activity, newest first.</summary>
    [Id(13)] public IReadOnlyList<ActivityItem> Activity { get; init; } = [];
}

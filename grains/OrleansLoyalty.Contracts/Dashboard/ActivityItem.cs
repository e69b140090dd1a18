namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// One line of the live activity list. <see cref="Kind"/> is one of
/// <c>sale|return|member|topup|coupon|tier|lane</c>; <see cref="Id"/> is unique per store and kind, so
/// a client that sees the same item twice (snapshot and update overlap) shows it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.ActivityItem")]
public sealed record ActivityItem
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    [Id(3)] public required string StoreId { get; init; }
    [Id(4)] public string? LaneId { get; init; }
    /// <summary>Money involved, in fen (sale total, refund, top-up, coupon value).</summary>
    [Id(5)] public long Amount { get; init; }
    /// <summary>A short machine-readable detail: a tier ("gold"), "from→to", a masked card number, a template id, "online"/"offline".</summary>
    [Id(6)] public string? Detail { get; init; }
    [Id(7)] public bool Member { get; init; }
}

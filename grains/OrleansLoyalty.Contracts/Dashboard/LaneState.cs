namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>A checkout lane as the dashboard sees it.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.LaneState")]
public sealed record LaneState
{
    [Id(0)] public required string LaneId { get; init; }
    [Id(1)] public bool Online { get; init; }
    /// <summary>When the lane last went online or offline, if known.</summary>
    [Id(2)] public DateTimeOffset? Since { get; init; }
    [Id(3)] public DateTimeOffset? LastSaleAt { get; init; }
    [Id(4)] public long Transactions { get; init; }
    [Id(5)] public long NetSales { get; init; }
}

using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// Carried by a replayed <c>scan</c> that the edge gateway sold offline: the item as the store's
/// offline catalog had it, so the cluster can settle the sale even if its own catalog lacks the barcode.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneOfflineItem")]
public sealed record LaneOfflineItem
{
    [Id(0)] public required string Sku { get; init; }
    [Id(1)] public required long UnitPrice { get; init; }
    [Id(2)] public ImmutableArray<string> CategoryPath { get; init; } = [];
}

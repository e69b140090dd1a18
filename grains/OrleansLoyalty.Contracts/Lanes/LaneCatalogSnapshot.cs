using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// A store's catalog, copied to its edge gateway for offline selling (the pricing rules come with
/// <see cref="LaneRulesSnapshot"/>). Id 3 held the old simple promotions; it stays unused.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneCatalogSnapshot")]
public sealed record LaneCatalogSnapshot
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public required DateTimeOffset AsOf { get; init; }
    [Id(2)] public ImmutableArray<LaneCatalogItem> Products { get; init; } = [];
}

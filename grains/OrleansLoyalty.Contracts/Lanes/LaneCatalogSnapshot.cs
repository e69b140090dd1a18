using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>A store's catalog and public promotions, copied to its edge gateway for offline selling.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneCatalogSnapshot")]
public sealed record LaneCatalogSnapshot
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public required DateTimeOffset AsOf { get; init; }
    [Id(2)] public ImmutableArray<LaneCatalogItem> Products { get; init; } = [];
    [Id(3)] public ImmutableArray<LanePromotion> Promotions { get; init; } = [];
}

using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// A product as a lane needs it to sell offline. <see cref="Price"/> is in fen per unit, or per
/// kilogram when <see cref="SoldByWeight"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneCatalogItem")]
public sealed record LaneCatalogItem
{
    [Id(0)] public required string Sku { get; init; }
    [Id(1)] public required string Barcode { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public ImmutableArray<string> CategoryPath { get; init; } = [];
    [Id(4)] public required long Price { get; init; }
    [Id(5)] public bool SoldByWeight { get; init; }
}

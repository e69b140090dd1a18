namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>A basket line as the display shows it. Money in fen.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneLine")]
public sealed record LaneLine
{
    [Id(0)] public required string LineId { get; init; }
    [Id(1)] public required string Sku { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public int Qty { get; init; }
    [Id(4)] public int? WeightGrams { get; init; }
    [Id(5)] public long UnitPrice { get; init; }
    [Id(6)] public long Gross { get; init; }
    [Id(7)] public long Discount { get; init; }
    [Id(8)] public long Net { get; init; }
}

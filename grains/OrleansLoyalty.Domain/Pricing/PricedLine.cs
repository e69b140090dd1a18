namespace OrleansLoyalty.Domain;

/// <summary>A priced line. <see cref="Net"/> = <see cref="Gross"/> − <see cref="Discount"/> (points included), never negative.</summary>
/// <param name="Qty">Units; 1 for a weighed line.</param>
/// <param name="UnitPrice">Fen per unit, or per kg for a weighed line.</param>
/// <param name="PointsToEarn">This line's share of the basket's points (they sum to the basket's), for exact clawback on return.</param>
/// <param name="PointsRedeemed">This line's share of the points redeemed, for giving them back on return.</param>
[GenerateSerializer, Immutable, Alias("domain.PricedLine")]
public sealed record PricedLine(
    [Id(0)] string LineId,
    [Id(1)] string Sku,
    [Id(2)] string Name,
    [Id(3)] int Qty,
    [Id(4)] int? WeightGrams,
    [Id(5)] long UnitPrice,
    [Id(6)] long Gross,
    [Id(7)] long Discount,
    [Id(8)] long Net,
    [Id(9)] ImmutableArray<string> CategoryPath,
    [Id(10)] long PointsToEarn,
    [Id(11)] long PointsRedeemed);

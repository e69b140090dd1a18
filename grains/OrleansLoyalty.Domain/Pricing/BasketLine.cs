namespace OrleansLoyalty.Domain;

/// <summary>A scanned line. Exactly one of <see cref="Qty"/> (units) or <see cref="WeightGrams"/> (weighed goods).</summary>
/// <param name="UnitPrice">Overrides the catalog price (fen per unit, or per kg for weighed lines).</param>
/// <param name="CategoryPath">Overrides the catalog category.</param>
[GenerateSerializer, Immutable, Alias("domain.BasketLine")]
public sealed record BasketLine(
    [Id(0)] string LineId,
    [Id(1)] string Sku,
    [Id(2)] int Qty,
    [Id(3)] int? WeightGrams = null,
    [Id(4)] long? UnitPrice = null,
    [Id(5)] ImmutableArray<string>? CategoryPath = null);

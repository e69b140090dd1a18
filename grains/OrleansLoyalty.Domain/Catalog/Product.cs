namespace OrleansLoyalty.Domain;

/// <summary>A store's product (rest.md <c>PUT /stores/{storeId}/products</c>).</summary>
/// <param name="CategoryPath">From the top down, e.g. <c>["食品","乳制品","酸奶"]</c>; any depth.</param>
/// <param name="Price">Fen per unit; for goods sold by weight, fen per kilogram.</param>
[GenerateSerializer, Immutable, Alias("domain.Product")]
public sealed record Product(
    [Id(0)] string Sku,
    [Id(1)] string? Barcode,
    [Id(2)] string Name,
    [Id(3)] ImmutableArray<string> CategoryPath,
    [Id(4)] long Price,
    [Id(5)] bool SoldByWeight);

namespace OrleansLoyalty.Api.Administration;

public sealed record PutStoreRequest(string? Name, string? TimeZone, string? Region);

public sealed record StoreView(string StoreId, string Name, string TimeZone, string? Region);

public sealed record ProductRequest(string? Sku, string? Barcode, string? Name, string[]? CategoryPath, long? Price, bool? SoldByWeight);

public sealed record ProductView(string Sku, string? Barcode, string Name, IReadOnlyList<string> CategoryPath, long Price, bool SoldByWeight);

public sealed record ProductsUpserted(string StoreId, int Upserted);

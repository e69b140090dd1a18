namespace OrleansLoyalty.Domain;

/// <summary>A product with its category prefix keys computed once, so pricing never builds strings per quote.</summary>
internal sealed record CatalogEntry(Product Product, ImmutableArray<string> CategoryKeys);

namespace OrleansLoyalty.Domain;

/// <summary>A product with its category path's shared node, so pricing never builds strings or re-derives per-path facts per quote.</summary>
internal sealed record CatalogEntry(Product Product, CategoryNode Category);

namespace OrleansLoyalty.Domain;

/// <summary>
/// What pricing reads of a product, kept inline in the catalog's SKU table: a look-up then touches the table
/// and the SKU string and nothing else (the product object and its strings are not read), which matters because a
/// 50,000-product catalog does not stay in the processor's cache and every extra pointer is a wait on memory.
/// </summary>
/// <param name="Category">The product's path, shared with the other products on it.</param>
internal readonly record struct CatalogEntry(Product Product, CategoryNode Category, string Name, long Price, bool SoldByWeight)
{
    public bool Exists => Product is not null;
}

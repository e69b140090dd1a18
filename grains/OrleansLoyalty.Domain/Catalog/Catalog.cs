using System.Collections.Frozen;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// A store's products, indexed once for look-ups by SKU and by barcode. Immutable and safe to share
/// between threads; build a new one when the products change.
/// </summary>
public sealed class Catalog
{
    private readonly SkuTable _bySku;

    /// <summary>The products in the order they came (the last row of a repeated SKU in place of the first).</summary>
    private readonly Product[] _products;
    private readonly FrozenDictionary<string, CatalogEntry> _byBarcode;

    private readonly Dictionary<ImmutableArray<string>, CategoryNode> _categoryByPath;

    public Catalog(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var bySku = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var byBarcode = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        _categoryByPath = new Dictionary<ImmutableArray<string>, CategoryNode>(CategoryPathComparer.Instance);
        var categories = ImmutableArray.CreateBuilder<CategoryNode>();
        foreach (var product in products)
        {
            // Products on the same path share one node (and its prefix keys): one per shelf, not one per SKU.
            if (!_categoryByPath.TryGetValue(product.CategoryPath, out var category))
            {
                var path = product.CategoryPath.IsDefault ? [] : product.CategoryPath;
                category = new CategoryNode(categories.Count, path, CategoryPaths.PrefixKeys(path));
                _categoryByPath.Add(path, category);
                categories.Add(category);
            }
            // Later rows win, like a bulk upsert.
            var entry = new CatalogEntry(product, category, product.Name, product.Price, product.SoldByWeight);
            bySku[product.Sku] = entry;
            if (!string.IsNullOrEmpty(product.Barcode))
            {
                byBarcode[product.Barcode] = entry;
            }
        }
        Categories = categories.ToImmutable();
        _bySku = new SkuTable(bySku);
        _products = [.. bySku.Values.Select(entry => entry.Product)];
        _byBarcode = byBarcode.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Catalog Empty { get; } = new([]);

    public int Count => _products.Length;

    public IEnumerable<Product> Products => _products;

    public bool TryGetBySku(string sku, out Product product)
    {
        product = Entry(sku).Product;
        return product is not null;
    }

    public bool TryGetByBarcode(string barcode, out Product product)
    {
        if (_byBarcode.TryGetValue(barcode, out var entry))
        {
            product = entry.Product;
            return true;
        }
        product = null!;
        return false;
    }

    public Product? FindBySku(string sku) => Entry(sku).Product;

    public Product? FindByBarcode(string barcode) => _byBarcode.TryGetValue(barcode, out var entry) ? entry.Product : null;

    /// <summary>The product with this SKU as pricing reads it; <see cref="CatalogEntry.Exists"/> is false for an unknown SKU.</summary>
    internal CatalogEntry Entry(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return _bySku.Find(sku);
    }

    /// <summary>Every distinct category path of the products (a replaced product's old path may stay: harmless), by <see cref="CategoryNode.Id"/>.</summary>
    internal ImmutableArray<CategoryNode> Categories { get; }

    /// <summary>The node of a path some product is on, or null (a lane's own category for an item the catalog lacks).</summary>
    internal CategoryNode? FindCategory(ImmutableArray<string> path) => _categoryByPath.GetValueOrDefault(path);

    /// <summary>Price of <paramref name="grams"/> of a weighed product: per-kg price × grams / 1000, rounded half-up.</summary>
    public static long WeighedPrice(long pricePerKg, long grams) => Fen.MulDivRound(pricePerKg, grams, 1000);
}

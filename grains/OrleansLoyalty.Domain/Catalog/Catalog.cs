using System.Collections.Frozen;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// A store's products, indexed once for look-ups by SKU and by barcode. Immutable and safe to share
/// between threads; build a new one when the products change.
/// </summary>
public sealed class Catalog
{
    private readonly FrozenDictionary<string, CatalogEntry> _bySku;
    private readonly FrozenDictionary<string, CatalogEntry> _byBarcode;

    public Catalog(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var bySku = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var byBarcode = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            // Later rows win, like a bulk upsert.
            var entry = new CatalogEntry(product, CategoryPaths.PrefixKeys(product.CategoryPath));
            bySku[product.Sku] = entry;
            if (!string.IsNullOrEmpty(product.Barcode))
            {
                byBarcode[product.Barcode] = entry;
            }
        }
        _bySku = bySku.ToFrozenDictionary(StringComparer.Ordinal);
        _byBarcode = byBarcode.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Catalog Empty { get; } = new([]);

    public int Count => _bySku.Count;

    public IEnumerable<Product> Products => _bySku.Values.Select(entry => entry.Product);

    public bool TryGetBySku(string sku, out Product product)
    {
        if (_bySku.TryGetValue(sku, out var entry))
        {
            product = entry.Product;
            return true;
        }
        product = null!;
        return false;
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

    public Product? FindBySku(string sku) => _bySku.TryGetValue(sku, out var entry) ? entry.Product : null;

    public Product? FindByBarcode(string barcode) => _byBarcode.TryGetValue(barcode, out var entry) ? entry.Product : null;

    internal bool TryGetEntry(string sku, out CatalogEntry entry) => _bySku.TryGetValue(sku, out entry!);

    /// <summary>Price of <paramref name="grams"/> of a weighed product: per-kg price × grams / 1000, rounded half-up.</summary>
    public static long WeighedPrice(long pricePerKg, long grams) => Fen.MulDivRound(pricePerKg, grams, 1000);
}

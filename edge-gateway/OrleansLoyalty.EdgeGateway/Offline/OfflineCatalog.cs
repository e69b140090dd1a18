using System.Collections.Frozen;
using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>A catalog snapshot indexed for scanning: barcode (or SKU) → item.</summary>
public sealed class OfflineCatalog
{
    private readonly FrozenDictionary<string, LaneCatalogItem> _byCode;

    public OfflineCatalog(LaneCatalogSnapshot snapshot)
    {
        Snapshot = snapshot;
        var byCode = new Dictionary<string, LaneCatalogItem>(StringComparer.Ordinal);
        foreach (var item in snapshot.Products)
        {
            byCode.TryAdd(item.Sku, item);
        }
        // A barcode wins over a SKU that happens to look the same.
        foreach (var item in snapshot.Products)
        {
            byCode[item.Barcode] = item;
        }
        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static OfflineCatalog Empty(string storeId) =>
        new(new LaneCatalogSnapshot { StoreId = storeId, AsOf = DateTimeOffset.UnixEpoch });

    public LaneCatalogSnapshot Snapshot { get; }

    public bool TryFind(string barcode, out LaneCatalogItem item) => _byCode.TryGetValue(barcode, out item!);

    public LaneCatalogItem? FindBySku(string sku) => _byCode.GetValueOrDefault(sku);
}

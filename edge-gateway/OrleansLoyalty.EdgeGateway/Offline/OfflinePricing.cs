using Microsoft.Extensions.Logging;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.EdgeGateway.Diagnostics;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The cluster's own <see cref="PricingEngine"/>, built from the gateway's offline copies of the store's
/// catalog and rules. Rebuilt (once, by whichever lane asks first) when either copy changes; between
/// changes every lane shares one immutable engine, as the silos do.
/// </summary>
public sealed class OfflinePricing(OfflineCatalogStore catalogs, OfflineRulesStore rules, TimeProvider time, ILogger<OfflinePricing> logger)
{
    private volatile OfflineEngine? _engine;

    /// <summary>The engine for the current copies.</summary>
    public OfflineEngine Current
    {
        get
        {
            var catalog = catalogs.Current;
            var ruleSet = rules.Current;
            var engine = _engine;
            if (engine is not null && ReferenceEquals(engine.Catalog, catalog) && ReferenceEquals(engine.Rules, ruleSet))
            {
                return engine;
            }
            engine = Build(catalog, ruleSet);
            _engine = engine;
            return engine;
        }
    }

    /// <summary>Now in the store's own time zone, as the cluster prices with.</summary>
    public DateTimeOffset StoreLocalNow(OfflineEngine engine) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), engine.TimeZone);

    private OfflineEngine Build(OfflineCatalog catalog, LaneRulesSnapshot ruleSet)
    {
        var products = catalog.Snapshot.Products.Select(item => new Product(
            item.Sku,
            string.IsNullOrEmpty(item.Barcode) ? item.Sku : item.Barcode,
            item.Name,
            item.CategoryPath.IsDefault ? [] : item.CategoryPath,
            item.Price,
            item.SoldByWeight));
        var engine = new PricingEngine(
            ruleSet.Programme,
            new Catalog(products),
            ruleSet.Campaigns.IsDefault ? [] : ruleSet.Campaigns,
            ruleSet.PublicCouponTemplates.IsDefault ? [] : ruleSet.PublicCouponTemplates);
        if (!engine.RejectedCampaignIds.IsDefaultOrEmpty)
        {
            GatewayLog.OfflineCampaignsRejected(logger, string.Join(", ", engine.RejectedCampaignIds));
        }
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(ruleSet.TimeZoneId, out var found) ? found
            : TimeZoneInfo.TryFindSystemTimeZoneById(OfflineRulesStore.FallbackTimeZoneId, out var fallback) ? fallback
            : TimeZoneInfo.Utc;
        return new OfflineEngine(catalog, ruleSet, engine, zone);
    }
}

/// <summary>One engine and the copies it was built from.</summary>
public sealed record OfflineEngine(OfflineCatalog Catalog, LaneRulesSnapshot Rules, PricingEngine Engine, TimeZoneInfo TimeZone)
{
    /// <summary>A scanned code as the lane grain looks it up: barcode first, else SKU.</summary>
    public Product? Find(string barcodeOrSku) => Engine.Catalog.FindByBarcode(barcodeOrSku) ?? Engine.Catalog.FindBySku(barcodeOrSku);
}

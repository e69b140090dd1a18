using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// Serves a store's catalog to its edge gateway from this silo's local copy. Public promotions are not
/// exported yet: offline baskets are priced at catalog prices (see docs/edge-gateway.md).
/// </summary>
[StatelessWorker]
public sealed class LaneCatalogGrain(PricingEngines engines, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, ILaneCatalogGrain
{
    public Task<LaneCatalogSnapshot> GetSnapshot()
    {
        var storeId = this.GetPrimaryKeyString();
        var products = engines.CatalogOf(storeId).Products
            .Select(p => new LaneCatalogItem
            {
                Sku = p.Sku,
                Barcode = string.IsNullOrEmpty(p.Barcode) ? p.Sku : p.Barcode,
                Name = p.Name,
                CategoryPath = p.CategoryPath.IsDefault ? [] : p.CategoryPath,
                Price = p.Price,
                SoldByWeight = p.SoldByWeight,
            })
            .ToList();
        return Task.FromResult(new LaneCatalogSnapshot { StoreId = storeId, AsOf = clock.GetUtcNow(), Products = [.. products] });
    }
}

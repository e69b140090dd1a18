using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// Puts the benchmark's catalog, campaigns and public coupons into a silo's pricing engines — what the admin
/// endpoints (<c>PUT /stores/{id}/products</c>, <c>/campaigns</c>, <c>/coupon-templates</c>) will do once they exist.
/// </summary>
public static class WorkloadRules
{
    public static void LoadInto(PricingEngines engines)
    {
        engines.ReplaceCatalog(WorkloadShape.StoreId, CatalogFactory.Build());
        engines.ReplaceCampaigns(CampaignFactory.Build());
        engines.ReplaceCouponTemplates(CampaignFactory.CouponTemplates());
        var engine = engines.For(WorkloadShape.StoreId);
        if (engine.Catalog.Count != WorkloadShape.Skus || engine.Campaigns.Length != WorkloadShape.Campaigns)
        {
            throw new InvalidOperationException(
                $"workload not loaded as meant: {engine.Catalog.Count} SKUs, {engine.Campaigns.Length} campaigns (rejected: {string.Join(",", engine.RejectedCampaignIds)})");
        }
    }
}

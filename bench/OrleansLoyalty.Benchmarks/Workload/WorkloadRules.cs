using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansLoyalty.Grains.Administration;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// Puts the benchmark's catalog, campaigns and public coupons into a silo's pricing engines — what the admin
/// endpoints (<c>PUT /stores/{id}/products</c>, <c>/campaigns</c>, <c>/coupon-templates</c>) will do once they exist.
/// </summary>
public static class WorkloadRules
{
    /// <summary>
    /// Saves the workload's rules where a silo loads them from at start (PostgreSQL, as the admin endpoints do), so
    /// the rules replication keeps them instead of replacing them with an empty database's.
    /// </summary>
    public static async Task SaveAsync(IServiceProvider services, CancellationToken ct)
    {
        var writer = new RulesWriter(services.GetRequiredService<NpgsqlDataSource>());
        var now = TimeProvider.System.GetUtcNow();
        await writer.UpsertProductsAsync(WorkloadShape.StoreId, [.. CatalogFactory.Build().Products], now, ct);
        foreach (var campaign in CampaignFactory.Build())
        {
            await writer.CreateCampaignAsync(campaign, "bench", now, ct);
        }
        foreach (var template in CampaignFactory.CouponTemplates())
        {
            await writer.CreateCouponTemplateAsync(template, "bench", now, ct);
        }
    }

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

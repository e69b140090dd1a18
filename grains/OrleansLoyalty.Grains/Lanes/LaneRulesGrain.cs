using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// Serves a store's pricing rules to its edge gateway from this silo's local copy, so that offline
/// baskets are priced by the same <see cref="PricingEngine"/> as online ones. Campaigns that can no
/// longer run in the store (paused, ended, other stores) are left out; future ones are kept, so that an
/// outage across their start still sees them.
/// </summary>
[StatelessWorker]
public sealed class LaneRulesGrain(
    PricingEngines engines,
    IOptions<ChainOptions> chain,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, ILaneRulesGrain
{
    public Task<LaneRulesSnapshot> GetRules()
    {
        var storeId = this.GetPrimaryKeyString();
        var zone = engines.TimeZoneOf(storeId) ?? chain.Value.Zone;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var campaigns = engines.Campaigns.Where(campaign => CanRunIn(campaign, storeId, today));
        var publicTemplates = engines.CouponTemplates.Where(template => template.Public && !string.IsNullOrWhiteSpace(template.Code));
        return Task.FromResult(new LaneRulesSnapshot
        {
            StoreId = storeId,
            AsOf = now,
            TimeZoneId = zone.Id,
            Programme = engines.For(storeId).Programme,
            Campaigns = [.. campaigns],
            PublicCouponTemplates = [.. publicTemplates],
        });
    }

    private static bool CanRunIn(Campaign campaign, string storeId, DateOnly today) =>
        !campaign.Paused
        && (campaign.Schedule?.To is not { } to || to >= today)
        && (campaign.Target?.StoreIds is not { IsDefaultOrEmpty: false } stores || stores.Contains(storeId, StringComparer.Ordinal));
}

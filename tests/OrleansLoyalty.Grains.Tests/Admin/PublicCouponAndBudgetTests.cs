using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Campaigns;
using OrleansLoyalty.Contracts.Coupons;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Grains.Tests.Support;

namespace OrleansLoyalty.Grains.Tests.Admin;

[Collection(ClusterCollection.Name)]
public sealed class PublicCouponAndBudgetTests(LoyaltyClusterFixture fixture)
{
    private PricingEngines Rules => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<PricingEngines>();

    private string PublicCode(int? maxRedemptions)
    {
        var code = "PUB-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var template = new CouponTemplate("tpl-" + code, "全场满50减5", CouponKind.AmountOffOver, 5000, 500, 0, [], [], null, null, null,
            Public: true, Code: code, MaxRedemptions: maxRedemptions);
        Rules.ReplaceCouponTemplates([.. Rules.CouponTemplates, template]);
        return code;
    }

    // Targets no real store, so the other tests sharing this silo price as before.
    private string BudgetedCampaign(long? budget)
    {
        var campaign = new Campaign("camp-" + Guid.NewGuid().ToString("N")[..8], "满100减20", CampaignKind.AmountOffOver, CampaignSchedule.Always,
            new CampaignTarget([], ["no-such-store"], [], []), new CampaignReward(0, 10_000, 2_000, 0, 0), new CampaignLimits(null, budget), CampaignStacking.Default, false);
        Rules.ReplaceCampaigns([.. Rules.Campaigns, campaign]);
        return campaign.CampaignId;
    }

    [Fact]
    public async Task Fifty_lanes_racing_for_a_single_use_public_code_get_exactly_one_redemption()
    {
        var code = PublicCode(maxRedemptions: 1);
        var coupon = fixture.Client.GetGrain<IPublicCouponGrain>(code);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await coupon.Redeem($"T-{code}-{i}");
                return true;
            }
            catch (LoyaltyException e) when (e.Code == ErrorCodes.CouponAlreadyRedeemed)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(ok => ok));
        Assert.Equal(0, await coupon.Remaining());
    }

    [Fact]
    public async Task A_redemption_is_once_per_txn_and_a_release_gives_it_back()
    {
        var code = PublicCode(maxRedemptions: 2);
        var coupon = fixture.Client.GetGrain<IPublicCouponGrain>(code);

        await coupon.Redeem("T1");
        await coupon.Redeem("T1");
        Assert.Equal(1, await coupon.Remaining());
        await coupon.Redeem("T2");
        await Expect.Refusal(ErrorCodes.CouponAlreadyRedeemed, () => coupon.Redeem("T3"));
        await coupon.Release("T1");
        await coupon.Redeem("T3");

        Assert.Equal(0, await coupon.Remaining());
    }

    [Fact]
    public async Task An_unknown_public_code_is_refused()
    {
        await Expect.Refusal(AdminErrorCodes.CouponUnknown, () => fixture.Client.GetGrain<IPublicCouponGrain>("NO-SUCH-CODE").Redeem("T1"));
    }

    [Fact]
    public async Task A_campaign_budget_is_never_overspent_and_releases_come_back()
    {
        var budget = fixture.Client.GetGrain<ICampaignBudgetGrain>(BudgetedCampaign(5_000));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await budget.Consume($"T{i}", 2_000);
                return true;
            }
            catch (LoyaltyException e) when (e.Code == AdminErrorCodes.CampaignBudgetExhausted)
            {
                return false;
            }
        }));
        Assert.Equal(2, attempts.Count(ok => ok));
        Assert.Equal(1_000, await budget.Remaining());

        var winner = Enumerable.Range(0, 20).First(i => attempts[i]);
        await budget.Consume($"T{winner}", 2_000);
        Assert.Equal(1_000, await budget.Remaining());
        await budget.Release($"T{winner}");
        Assert.Equal(3_000, await budget.Remaining());
    }

    [Fact]
    public async Task A_campaign_without_a_budget_accepts_anything()
    {
        var budget = fixture.Client.GetGrain<ICampaignBudgetGrain>(BudgetedCampaign(null));

        await budget.Consume("T1", long.MaxValue / 2);

        Assert.Null(await budget.Remaining());
    }
}

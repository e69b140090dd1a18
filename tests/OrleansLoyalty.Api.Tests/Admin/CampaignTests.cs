using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class CampaignTests(ApiFixture fixture)
{
    private static object PercentOff(string campaignId, string storeId, int percent) => new
    {
        campaignId, name = "零食8折", kind = "percentOff",
        schedule = new { weekdays = Array.Empty<string>() },
        target = new { storeIds = new[] { storeId }, categoryPath = new[] { "食品", "零食" } },
        reward = new { percent },
        stacking = new { exclusive = false, priority = 10 },
    };

    private static bool HasDiscount(Reply quote, string campaignId) =>
        quote.Status == HttpStatusCode.OK && quote.Body!["discounts"]!.AsArray().Any(d => d!["ruleId"]!.GetValue<string>() == "campaign:" + campaignId);

    [Fact]
    public async Task A_campaign_discounts_the_next_quotes_until_paused_and_again_when_resumed()
    {
        var storeId = AdminHttp.Store();
        var campaignId = LoyaltyClient.NewId("c");
        await fixture.Admin.PutCatalogAsync(storeId, ("CHIPS", 1000));
        Func<Task<Reply>> quote = () => fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "CHIPS", 1));

        var created = await fixture.Admin.PostAsync("/api/v1/campaigns", PercentOff(campaignId, storeId, 20));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var discounted = await AdminHttp.Until(quote, r => HasDiscount(r, campaignId));
        Assert.True(HasDiscount(discounted, campaignId));
        Assert.Equal(800, discounted.Long("total"));

        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/campaigns/{campaignId}/pause", new { })).Status);
        var paused = await AdminHttp.Until(quote, r => r.Status == HttpStatusCode.OK && !HasDiscount(r, campaignId));
        Assert.Equal(1000, paused.Long("total"));

        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/campaigns/{campaignId}/resume", new { })).Status);
        var resumed = await AdminHttp.Until(quote, r => HasDiscount(r, campaignId));
        Assert.Equal(800, resumed.Long("total"));

        var list = await fixture.Admin.GetAsync("/api/v1/campaigns");
        var listed = list.Body!.AsArray().Single(c => c!["campaignId"]!.GetValue<string>() == campaignId)!;
        Assert.False(listed["paused"]!.GetValue<bool>());
        Assert.Equal("percentOff", listed["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_campaign_with_bad_fields_is_refused_field_by_field()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/campaigns", new
        {
            campaignId = "bad campaign id", name = "坏", kind = "percentOff",
            schedule = new { from = "2026-12-31", to = "2026-01-01", weekdays = new[] { "funday" } },
            target = new { storeIds = new[] { "s001" } },
            reward = new { percent = 150 },
            limits = new { perMember = 0 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var fields = reply.Body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("campaignId", fields);
        Assert.Contains("schedule.weekdays[0]", fields);
        Assert.Contains("schedule.to", fields);
        Assert.Contains("reward.percent", fields);
        Assert.Contains("limits.perMember", fields);
    }

    [Fact]
    public async Task A_manager_runs_campaigns_for_their_own_stores_only()
    {
        var manager = await fixture.ManagerAsync("s001");

        var own = await manager.PostAsync("/api/v1/campaigns", PercentOff(LoyaltyClient.NewId("c"), "s001", 5));
        var other = await manager.PostAsync("/api/v1/campaigns", PercentOff(LoyaltyClient.NewId("c"), "s002", 5));

        Assert.Equal(HttpStatusCode.Created, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("auth.forbidden_store", other.Code);
        var ownId = own.Body!["campaignId"]!.GetValue<string>();
        // Leave s001 as the other tests expect it.
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/campaigns/{ownId}/pause", new { })).Status);
        var listed = (await manager.GetAsync("/api/v1/campaigns")).Body!.AsArray().Select(c => c!["campaignId"]!.GetValue<string>());
        Assert.Contains(ownId, listed);
    }
}

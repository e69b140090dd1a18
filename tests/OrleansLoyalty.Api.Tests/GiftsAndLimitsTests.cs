using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class GiftsAndLimitsTests(ApiFixture fixture)
{
    private async Task<Reply> Buy(string storeId, string memberId, long unitPrice, string category = "日用")
    {
        var basket = new
        {
            storeId, laneId = "01", member = new { memberId },
            lines = new[] { new { lineId = "1", sku = "SOAP", qty = 1, unitPrice, categoryPath = new[] { category } } },
        };
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", basket);
        return await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId, laneId = "01", txnId = LoyaltyClient.NewId("T"), member = new { memberId },
            lines = basket.lines, tenders = new[] { new { kind = "cash", amount = quote.Long("total") } },
        });
    }

    [Fact]
    public async Task The_referrer_gets_200_points_once_when_the_referred_member_first_buys()
    {
        var referrer = await fixture.Admin.PostAsync("/api/v1/members", new { phone = LoyaltyClient.RandomPhone(), name = "老会员", storeId = "s001" });
        var code = referrer.Body!["referralCode"]!.GetValue<string>();
        var referrerId = referrer.Body!["memberId"]!.GetValue<string>();
        var referred = await fixture.Admin.PostAsync("/api/v1/members", new { phone = LoyaltyClient.RandomPhone(), name = "新会员", storeId = "s001", referralCode = code });
        var referredId = referred.Body!["memberId"]!.GetValue<string>();

        await Buy("s001", referredId, 1000);
        await Buy("s001", referredId, 1000);

        var points = (await fixture.Admin.GetAsync($"/api/v1/members/{referrerId}")).Body!["points"]!["balance"]!.GetValue<long>();
        Assert.Equal(100 + 200, points);
        var ledger = await fixture.Admin.GetAsync($"/api/v1/members/{referrerId}/ledger");
        Assert.Single(ledger.Body!["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "points.referral_gift");
    }

    [Fact]
    public async Task A_campaign_limited_to_once_per_member_applies_to_the_first_purchase_only()
    {
        var storeId = LoyaltyClient.NewId("lim").Replace("-", "", StringComparison.Ordinal)[..12];
        var campaignId = LoyaltyClient.NewId("once");
        var created = await fixture.Admin.PostAsync("/api/v1/campaigns", new
        {
            campaignId, name = "新品首单8折", kind = "percentOff",
            schedule = new { weekdays = Array.Empty<string>() },
            target = new { storeIds = new[] { storeId }, categoryPath = new[] { "日用" } },
            reward = new { percent = 20 },
            limits = new { perMember = 1 },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        await AdminHttp.Until(
            () => fixture.Admin.PostAsync("/api/v1/checkout/quote", new
            {
                storeId, laneId = "01", member = new { memberId },
                lines = new[] { new { lineId = "1", sku = "SOAP", qty = 1, unitPrice = 1000, categoryPath = new[] { "日用" } } },
            }),
            r => r.Status == HttpStatusCode.OK && r.Long("total") == 800);

        var first = await Buy(storeId, memberId, 1000);
        var second = await Buy(storeId, memberId, 1000);

        Assert.Equal(800, first.Long("total"));
        Assert.Equal(1000, second.Long("total"));
    }
}

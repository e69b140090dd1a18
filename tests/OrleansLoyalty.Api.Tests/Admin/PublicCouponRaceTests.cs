using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

/// <summary>A shared code with one redemption left, presented at fifty lanes of several stores at the same instant.</summary>
[Collection(ApiCollection.Name)]
public sealed class PublicCouponRaceTests(ApiFixture fixture)
{
    [Fact]
    public async Task Fifty_lanes_racing_for_a_single_use_public_code_let_exactly_one_redeem_it()
    {
        var code = "RACE" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId = "race-" + code, name = "满50减10", kind = "amountOffOver", threshold = 5000, amount = 1000,
            validDays = 30, @public = true, code, maxRedemptions = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        object Basket(int lane, string? txnId) => new
        {
            storeId = lane % 2 == 0 ? "s001" : "s002", laneId = $"L{lane:D2}", txnId,
            coupons = new[] { code },
            lines = new[] { new { lineId = "1", sku = "RICE-5KG", qty = 1, unitPrice = 6000 } },
            tenders = txnId is null ? null : new[] { new { kind = "cash", amount = 5000 } },
        };
        await AdminHttp.Until(() => fixture.Admin.PostAsync("/api/v1/checkout/quote", Basket(0, null)),
            r => r.Status == HttpStatusCode.OK && r.Long("total") == 5000);

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(lane =>
            fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(lane, LoyaltyClient.NewId("RACE")))));

        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("coupon.already_redeemed", r.Code));
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM checkout_transactions WHERE status = 'committed' AND receipt::text LIKE @code", ("code", "%" + code + "%")));
    }
}

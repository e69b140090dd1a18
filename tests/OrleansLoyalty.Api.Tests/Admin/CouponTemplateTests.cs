using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class CouponTemplateTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_template_issued_to_two_members_shows_in_their_coupons_once_however_often_it_is_issued()
    {
        var templateId = LoyaltyClient.NewId("t");
        var created = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId, name = "满30减5", kind = "amountOffOver", threshold = 3000, amount = 500, validDays = 14,
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var (first, _) = await fixture.Admin.RegisterAsync();
        var (second, _) = await fixture.Admin.RegisterAsync();

        var issued = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { memberIds = new[] { first, second } });
        var again = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { memberIds = new[] { first } });

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        var codes = issued.Body!["issued"]!.AsArray().ToDictionary(i => i!["memberId"]!.GetValue<string>(), i => i!["code"]!.GetValue<string>());
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), codes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(codes[first], again.Body!["issued"]![0]!["code"]!.GetValue<string>());
        foreach (var memberId in new[] { first, second })
        {
            var coupons = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/coupons");
            Assert.Equal(HttpStatusCode.OK, coupons.Status);
            var mine = coupons.Body!.AsArray().Where(c => c!["templateId"]!.GetValue<string>() == templateId).ToList();
            var coupon = Assert.Single(mine)!;
            Assert.Equal(codes[memberId], coupon["code"]!.GetValue<string>());
            Assert.Equal("active", coupon["status"]!.GetValue<string>());
            Assert.Equal("满30减5", coupon["name"]!.GetValue<string>());
            Assert.Equal(DateOnly.Parse(coupon["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddDays(13),
                DateOnly.Parse(coupon["validTo"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task An_issued_coupon_takes_money_off_the_members_next_quote()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("OIL", 4000));
        var templateId = LoyaltyClient.NewId("t");
        await fixture.Admin.PostAsync("/api/v1/coupon-templates", new { templateId, name = "满30减5", kind = "amountOffOver", threshold = 3000, amount = 500, validDays = 7 });
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        var issued = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { memberIds = new[] { memberId } });
        var code = issued.Body!["issued"]![0]!["code"]!.GetValue<string>();

        var quote = await AdminHttp.Until(
            () => fixture.Admin.PostAsync("/api/v1/checkout/quote", new { storeId, laneId = "01", member = new { memberId }, lines = new[] { AdminHttp.Line("1", "OIL", 1) }, coupons = new[] { code } }),
            r => r.Status == HttpStatusCode.OK && r.Body!["discounts"]!.AsArray().Any(d => d!["ruleId"]!.GetValue<string>() == "coupon:" + code));

        Assert.Contains(quote.Body!["discounts"]!.AsArray(), d => d!["ruleId"]!.GetValue<string>() == "coupon:" + code && d["amount"]!.GetValue<long>() == 500);
    }

    [Fact]
    public async Task Template_fields_are_validated_one_by_one()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId = "t bad", name = "坏", kind = "percentOff", percent = 0, validDays = -1, @public = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var fields = reply.Body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("templateId", fields);
        Assert.Contains("percent", fields);
        Assert.Contains("validDays", fields);
    }

    [Fact]
    public async Task Issuing_needs_members_or_a_tier_and_a_known_template()
    {
        var neither = await fixture.Admin.PostAsync("/api/v1/coupon-templates/whatever/issue", new { });
        var unknown = await fixture.Admin.PostAsync("/api/v1/coupon-templates/no-such-template/issue", new { tier = "gold" });

        Assert.Equal(HttpStatusCode.BadRequest, neither.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("coupon_template.not_found", unknown.Code);
    }
}

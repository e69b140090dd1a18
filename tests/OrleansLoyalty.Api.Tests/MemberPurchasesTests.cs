using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>A member's purchases and returns with their receipts (电子小票), newest first.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberPurchasesTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_member_pages_through_their_sales_and_returns_and_reads_each_receipt_as_it_was_printed()
    {
        var member = await SignedInMember.RegisterAsync(fixture, "purchases-pass-1", "小票");
        var first = await Buy(member.MemberId, 2_000);
        var second = await Buy(member.MemberId, 3_500);
        var returned = await fixture.Admin.PostAsync("/api/v1/checkout/returns", new
        {
            txnId = LoyaltyClient.NewId("R"), originalTxnId = second["txnId"]!.GetValue<string>(), storeId = "s001", laneId = "03",
            lines = new[] { new { lineId = "1", qty = 1 } },
        });

        var page1 = await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases?limit=2");
        var page2 = await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases?limit=2&before={page1.Body!["next"]!.GetValue<string>()}");
        var receipt = await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases/{first["txnId"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.OK, returned.Status);
        var items = page1.Body!["items"]!.AsArray().Concat(page2.Body!["items"]!.AsArray()).ToList();
        Assert.Equal(["return", "sale", "sale"], items.Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal([-3_500L, 3_500L, 2_000L], items.Select(i => i!["total"]!.GetValue<long>()));
        Assert.Equal(second["txnId"]!.GetValue<string>(), items[0]!["originalTxnId"]!.GetValue<string>());
        Assert.Null(page2.Body!["next"]);
        Assert.True(JsonNode.DeepEquals(first, receipt.Body), $"committed:\n{first.ToJsonString()}\nread back:\n{receipt.Text}");
    }

    [Fact]
    public async Task Nobody_else_reads_a_members_purchases_and_what_is_not_theirs_is_not_found()
    {
        var member = await SignedInMember.RegisterAsync(fixture, "purchases-pass-1", "小票");
        var someoneElse = await SignedInMember.RegisterAsync(fixture, "purchases-pass-1", "别人");
        var theirs = await Buy(someoneElse.MemberId, 1_000);
        var otherStore = await fixture.ManagerAsync(AdminHttp.Store());
        var homeStore = await fixture.ManagerAsync("s001");

        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherStore.GetAsync($"/api/v1/members/{member.MemberId}/purchases")).Status);
        Assert.Equal(HttpStatusCode.OK, (await homeStore.GetAsync($"/api/v1/members/{member.MemberId}/purchases")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases/{theirs["txnId"]!.GetValue<string>()}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/purchases?before=yesterday")).Status);
    }

    private async Task<JsonNode> Buy(string memberId, long price)
    {
        var basket = new
        {
            storeId = "s001", laneId = "03", txnId = LoyaltyClient.NewId("T"), member = new { memberId },
            lines = new[] { new { lineId = "1", sku = "TEA", qty = 1, unitPrice = price, categoryPath = new[] { "食品", "茶" } } },
        };
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", basket);
        var sale = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            basket.storeId, basket.laneId, basket.txnId, basket.member, basket.lines,
            tenders = new[] { new { kind = "cash", amount = quote.Long("total") } },
        });
        Assert.Equal(HttpStatusCode.OK, sale.Status);
        return sale.Body!;
    }
}

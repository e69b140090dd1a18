using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>What a signed-in member reads about themself in one call each: their cards, and what their coupons give.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberSelfServiceTests(ApiFixture fixture)
{
    private const string Password = "self-service-2026";

    [Fact]
    public async Task A_member_lists_their_cards_with_status_and_balance_and_sees_a_lost_one_as_lost()
    {
        var (memberId, member) = await SignedInMemberAsync();
        var (otherId, _) = await fixture.Admin.RegisterAsync();
        var kept = LoyaltyClient.NewId("66");
        var lost = LoyaltyClient.NewId("66");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo = kept, medium = "ic", storeId = "s001" });
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo = lost, medium = "virtual", storeId = "s001" });
        await fixture.Admin.PostAsync($"/api/v1/cards/{kept}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 3_000, tender = "cash", storeId = "s001" });
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"/api/v1/cards/{lost}/lost", new { })).Status);

        var cards = await member.GetAsync($"/api/v1/members/{memberId}/cards");
        var someoneElses = await member.GetAsync($"/api/v1/members/{otherId}/cards");

        Assert.Equal(HttpStatusCode.OK, cards.Status);
        var byNo = cards.Body!.AsArray().ToDictionary(c => c!["cardNo"]!.GetValue<string>());
        Assert.Equal(("active", 3_000L), (byNo[kept]!["status"]!.GetValue<string>(), byNo[kept]!["balance"]!.GetValue<long>()));
        Assert.Equal("lost", byNo[lost]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.Status);
    }

    [Fact]
    public async Task A_member_who_finds_the_card_they_reported_lost_unblocks_it_and_nobody_else_can()
    {
        var (memberId, member) = await SignedInMemberAsync();
        var (_, someoneElse) = await SignedInMemberAsync();
        var cardNo = LoyaltyClient.NewId("66");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        await member.PostAsync($"/api/v1/cards/{cardNo}/lost", new { });

        var notTheirs = await someoneElse.PostAsync($"/api/v1/cards/{cardNo}/found", new { });
        var found = await member.PostAsync($"/api/v1/cards/{cardNo}/found", new { });
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", new
        {
            storeId = "s001", laneId = "03", member = new { cardNo },
            lines = new[] { new { lineId = "1", sku = "X", qty = 1, unitPrice = 1_000 } },
        });

        Assert.Equal(HttpStatusCode.NotFound, notTheirs.Status);
        Assert.Equal((HttpStatusCode.OK, "active"), (found.Status, found.Body!["status"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, quote.Status);
    }

    [Fact]
    public async Task A_members_coupons_say_what_they_give()
    {
        var (memberId, member) = await SignedInMemberAsync();

        var coupons = await member.GetAsync($"/api/v1/members/{memberId}/coupons");

        // The default programme's sign-up gift: ¥10 off a basket of ¥50 (programme.md, "Gifts").
        var welcome = coupons.Body!.AsArray().Single();
        Assert.Equal("amountOffOver", welcome!["kind"]!.GetValue<string>());
        Assert.Equal(5_000, welcome["threshold"]!.GetValue<long>());
        Assert.Equal(1_000, welcome["amount"]!.GetValue<long>());
    }

    private async Task<(string MemberId, LoyaltyClient Member)> SignedInMemberAsync()
    {
        var m = await SignedInMember.RegisterAsync(fixture, Password, "自助");
        return (m.MemberId, m.Client);
    }
}

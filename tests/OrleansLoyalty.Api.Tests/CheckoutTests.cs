using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CheckoutTests(ApiFixture fixture)
{
    private async Task<(string MemberId, string CardNo)> MemberWithCard()
    {
        var (memberId, _) = await fixture.Admin.RegisterAsync();
        var cardNo = LoyaltyClient.NewId("88");
        var bound = await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        Assert.Equal(HttpStatusCode.Created, bound.Status);
        return (memberId, cardNo);
    }

    private static object Basket(string txnId, string cardNo, long unitPrice, int qty, string tender = "cash", long? amount = null) => new
    {
        storeId = "s001", laneId = "03", txnId,
        member = new { cardNo },
        lines = new[] { new { lineId = "1", sku = "690123", qty, unitPrice, categoryPath = new[] { "食品", "乳制品" } } },
        tenders = new[] { new { kind = tender, amount = amount ?? unitPrice * qty, cardNo = tender == "storedValue" ? cardNo : null } },
    };

    [Fact]
    public async Task A_committed_purchase_earns_a_point_per_yuan_and_shows_on_the_ledger()
    {
        var (memberId, cardNo) = await MemberWithCard();

        var receipt = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(LoyaltyClient.NewId("T"), cardNo, 1299, 3));

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal(3897, receipt.Long("total"));
        Assert.Equal(38, receipt.Long("pointsEarned"));
        Assert.Equal(138, receipt.Long("pointsBalance"));
        var ledger = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/ledger");
        var newest = ledger.Body!["items"]![0]!;
        Assert.Equal("points.earned", newest["kind"]!.GetValue<string>());
        Assert.Equal(38, newest["points"]!.GetValue<long>());
        Assert.Equal(138, newest["balanceAfter"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_same_txnId_sent_concurrently_earns_once_and_answers_the_same_receipt()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = LoyaltyClient.NewId("T");
        var body = Basket(txnId, cardNo, 5000, 2);

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => fixture.Admin.PostAsync("/api/v1/checkout/commit", body)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(replies.Select(r => r.Body!["committedAt"]!.GetValue<string>()).Distinct());
        var member = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");
        Assert.Equal(200, member.Body!["points"]!["balance"]!.GetValue<long>());
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM ledger_entries WHERE txn_id = @t AND kind = 'points.earned'", ("t", txnId)));
    }

    [Fact]
    public async Task The_same_txnId_with_a_different_basket_is_a_conflict_and_changes_nothing()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = LoyaltyClient.NewId("T");
        await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(txnId, cardNo, 1000, 1));

        var other = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(txnId, cardNo, 9000, 1));

        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("txn.conflict", other.Code);
        var member = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");
        Assert.Equal(110, member.Body!["points"]!["balance"]!.GetValue<long>());
        var again = await fixture.Admin.GetAsync($"/api/v1/checkout/transactions/{txnId}");
        Assert.Equal(1000, again.Long("total"));
    }

    [Fact]
    public async Task Tenders_that_do_not_add_up_are_refused_and_nothing_is_recorded()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = LoyaltyClient.NewId("T");

        var reply = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(txnId, cardNo, 1000, 1, amount: 900));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("tenders.mismatch", reply.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/checkout/transactions/{txnId}")).Status);
        Assert.Equal(100, (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Body!["points"]!["balance"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_quote_shows_the_lane_the_members_stored_value()
    {
        var (_, cardNo) = await MemberWithCard();
        await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 8800, tender = "cash", storeId = "s001" });

        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", Basket(LoyaltyClient.NewId("T"), cardNo, 1000, 1));

        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal(8800, quote.Body!["member"]!["storedValueBalance"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_unknown_sku_without_a_price_is_422()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/checkout/quote", new
        {
            storeId = "s001", laneId = "03", lines = new[] { new { lineId = "1", sku = "NOPE", qty = 1 } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("catalog.unknown_item", reply.Code);
    }

    [Theory]
    [InlineData("""{"storeId":"s001","laneId":"03","lines":[]}""", "lines")]
    [InlineData("""{"laneId":"03","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}]}""", "storeId")]
    [InlineData("""{"storeId":"s001","laneId":"03","lines":[{"lineId":"1","sku":"A","qty":0,"unitPrice":1}]}""", "lines[0].qty")]
    [InlineData("""{"storeId":"s001","laneId":"03","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":-5}]}""", "lines[0].unitPrice")]
    [InlineData("""{"storeId":"s001","laneId":"03","member":{"cardNo":"8800012345","phone":"13812345678"},"lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}]}""", "member")]
    [InlineData("""{"storeId":"s001","laneId":"03","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}],"redeemPoints":100}""", "redeemPoints")]
    public async Task Bad_baskets_name_their_field(string json, string field)
    {
        var reply = await fixture.Admin.PostRawAsync("/api/v1/checkout/quote", json);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.Body!["errors"]![field]);
    }

    [Theory]
    [InlineData("""{"storeId":"s001","laneId":"03","txnId":"has space","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}],"tenders":[{"kind":"cash","amount":1}]}""", "txnId")]
    [InlineData("""{"storeId":"s001","laneId":"03","txnId":"T1","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}],"tenders":[]}""", "tenders")]
    [InlineData("""{"storeId":"s001","laneId":"03","txnId":"T1","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}],"tenders":[{"kind":"bitcoin","amount":1}]}""", "tenders[0].kind")]
    [InlineData("""{"storeId":"s001","laneId":"03","txnId":"T1","lines":[{"lineId":"1","sku":"A","qty":1,"unitPrice":1}],"tenders":[{"kind":"storedValue","amount":1}]}""", "tenders[0].cardNo")]
    public async Task Bad_commits_name_their_field(string json, string field)
    {
        var reply = await fixture.Admin.PostRawAsync("/api/v1/checkout/commit", json);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.Body!["errors"]![field]);
    }

    [Fact]
    public async Task Stored_value_pays_and_can_never_go_below_zero_even_when_two_lanes_race()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var topUp = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 10000, tender = "cash", storeId = "s001" });
        Assert.Equal(10000, topUp.Long("balance"));

        var race = await Task.WhenAll(
            fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(LoyaltyClient.NewId("T"), cardNo, 8000, 1, "storedValue")),
            fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(LoyaltyClient.NewId("T"), cardNo, 8000, 1, "storedValue")));

        Assert.Single(race, r => r.Status == HttpStatusCode.OK);
        Assert.Single(race, r => r.Code == "storedvalue.insufficient");
        var card = await fixture.Admin.GetAsync($"/api/v1/cards/{cardNo}");
        Assert.Equal(2000, card.Long("balance"));
        Assert.Equal(-8000, await fixture.Database.ScalarAsync(
            "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE card_no = @c AND kind LIKE 'storedvalue.spent'", ("c", cardNo)));
        Assert.Equal(memberId, card.Body!["memberId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lost_card_stops_working_at_once_and_its_replacement_keeps_the_balance()
    {
        var (_, cardNo) = await MemberWithCard();
        await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 5000, tender = "wechatpay", storeId = "s001" });

        var lost = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/lost", new { storeId = "s001" });
        var refused = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(LoyaltyClient.NewId("T"), cardNo, 100, 1));
        var newCardNo = LoyaltyClient.NewId("99");
        var replaced = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/replace", new { newCardNo, storeId = "s001" });
        var oldCard = await fixture.Admin.GetAsync($"/api/v1/cards/{cardNo}");

        Assert.Equal("lost", lost.Body!["status"]!.GetValue<string>());
        Assert.Equal("card.lost", refused.Code);
        Assert.Equal(5000, replaced.Long("balance"));
        Assert.Equal("active", replaced.Body!["status"]!.GetValue<string>());
        Assert.Equal("replaced", oldCard.Body!["status"]!.GetValue<string>());
        Assert.Equal(0, oldCard.Long("balance"));
    }

    [Fact]
    public async Task A_top_up_is_idempotent_by_txnId()
    {
        var (_, cardNo) = await MemberWithCard();
        var txnId = LoyaltyClient.NewId("TU");

        await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId, amount = 3000, tender = "cash", storeId = "s001" });
        var again = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId, amount = 3000, tender = "cash", storeId = "s001" });
        var conflict = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId, amount = 4000, tender = "cash", storeId = "s001" });

        Assert.Equal(3000, again.Long("balance"));
        Assert.Equal("txn.conflict", conflict.Code);
    }

    [Fact]
    public async Task An_anonymous_basket_is_priced_without_member_benefits()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/checkout/quote", new
        {
            storeId = "s001", laneId = "03",
            lines = new[] { new { lineId = "1", sku = "X", qty = 2, unitPrice = 1500 }, new { lineId = "2", sku = "BANANA", qty = 0, unitPrice = 698 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var ok = await fixture.Admin.PostAsync("/api/v1/checkout/quote", new
        {
            storeId = "s001", laneId = "03", lines = new[] { new { lineId = "1", sku = "X", qty = 2, unitPrice = 1500 } },
        });
        Assert.Equal(3000, ok.Long("total"));
        Assert.Null(ok.Body!["member"]);
    }
}

using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ReturnTests(ApiFixture fixture)
{
    private async Task<(string MemberId, string CardNo)> MemberWithCard(long topUp = 0)
    {
        var (memberId, _) = await fixture.Admin.RegisterAsync();
        var cardNo = LoyaltyClient.NewId("77");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        if (topUp > 0)
        {
            await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = topUp, tender = "cash", storeId = "s001" });
        }
        return (memberId, cardNo);
    }

    /// <summary>Two lines: 3 × ¥20.00 and 1 × ¥40.00 = ¥100.00, 100 points for a standard member.</summary>
    private async Task<string> Buy(string cardNo, string tender = "cash", long redeemPoints = 0)
    {
        var txnId = LoyaltyClient.NewId("T");
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", new
        {
            storeId = "s001", laneId = "02", member = new { cardNo }, redeemPoints,
            lines = new object[] { new { lineId = "1", sku = "MILK", qty = 3, unitPrice = 2000 }, new { lineId = "2", sku = "OIL", qty = 1, unitPrice = 4000 } },
        });
        var total = quote.Long("total");
        var receipt = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "02", txnId, member = new { cardNo }, redeemPoints,
            lines = new object[] { new { lineId = "1", sku = "MILK", qty = 3, unitPrice = 2000 }, new { lineId = "2", sku = "OIL", qty = 1, unitPrice = 4000 } },
            tenders = new[] { new { kind = tender, amount = total, cardNo = tender == "storedValue" ? cardNo : null } },
        });
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        return txnId;
    }

    private Task<Reply> Return(string originalTxnId, string returnTxnId, params (string LineId, int Qty)[] lines) =>
        fixture.Admin.PostAsync("/api/v1/checkout/returns", new
        {
            txnId = returnTxnId, originalTxnId, storeId = "s001", laneId = "02",
            lines = lines.Select(l => new { lineId = l.LineId, qty = l.Qty }).ToArray(),
        });

    private async Task<long> Points(string memberId) =>
        (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Body!["points"]!["balance"]!.GetValue<long>();

    [Fact]
    public async Task A_partial_return_refunds_its_share_and_takes_back_its_points()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = await Buy(cardNo);
        Assert.Equal(200, await Points(memberId));

        var reply = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 1));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2000, reply.Long("refund"));
        Assert.Equal(20, reply.Long("pointsClawedBack"));
        Assert.False(reply.Body!["isFullReturn"]!.GetValue<bool>());
        Assert.Equal(180, await Points(memberId));
    }

    [Fact]
    public async Task Partial_returns_add_up_to_the_purchase_and_never_beyond()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = await Buy(cardNo);

        var first = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 2));
        var second = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 1), ("2", 1));
        var beyond = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 1));

        Assert.Equal(10000, first.Long("refund") + second.Long("refund"));
        Assert.True(second.Body!["isFullReturn"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.Status);
        Assert.Equal("return.exceeds_purchase", beyond.Code);
        Assert.Equal(100, await Points(memberId));
    }

    [Fact]
    public async Task Returning_more_than_was_bought_is_422_and_changes_nothing()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = await Buy(cardNo);

        var reply = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 4));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("return.exceeds_purchase", reply.Code);
        Assert.Equal(200, await Points(memberId));
    }

    [Fact]
    public async Task The_same_return_sent_twice_happens_once()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = await Buy(cardNo);
        var returnId = LoyaltyClient.NewId("R");

        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Return(txnId, returnId, ("2", 1))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(160, await Points(memberId));
    }

    [Fact]
    public async Task Stored_value_paid_comes_back_to_the_card()
    {
        var (_, cardNo) = await MemberWithCard(topUp: 20000);
        var txnId = await Buy(cardNo, "storedValue");

        var reply = await Return(txnId, LoyaltyClient.NewId("R"), ("2", 1));

        Assert.Equal(4000, reply.Long("storedValueRefund"));
        Assert.Equal(0, reply.Long("otherTendersRefund"));
        Assert.Equal(14000, (await fixture.Admin.GetAsync($"/api/v1/cards/{cardNo}")).Long("balance"));
    }

    [Fact]
    public async Task When_the_points_were_already_spent_the_balance_goes_negative_and_the_ledger_says_so()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var purchase = await Buy(cardNo);
        // Spend the 200 points on a small basket (¥4.00: at most half, 200 points = ¥2.00, may be paid with points).
        var spend = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "02", txnId = LoyaltyClient.NewId("T"), member = new { cardNo }, redeemPoints = 200,
            lines = new[] { new { lineId = "1", sku = "GUM", qty = 1, unitPrice = 400 } },
            tenders = new[] { new { kind = "cash", amount = 200 } },
        });
        Assert.Equal(HttpStatusCode.OK, spend.Status);
        var before = await Points(memberId);
        Assert.True(before < 100);

        var reply = await Return(purchase, LoyaltyClient.NewId("R"), ("1", 3), ("2", 1));

        Assert.Equal(100, reply.Long("pointsClawedBack"));
        Assert.Equal(before - 100, await Points(memberId));
        Assert.True(before - 100 < 0);
        var ledger = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/ledger");
        Assert.Equal("points.clawed_back", ledger.Body!["items"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(before - 100, ledger.Body!["items"]![0]!["balanceAfter"]!.GetValue<long>());
    }

    [Fact]
    public async Task Points_paid_with_are_given_back_on_a_return()
    {
        var (memberId, cardNo) = await MemberWithCard();
        await Buy(cardNo);
        var paidWithPoints = await Buy(cardNo, redeemPoints: 200);
        var before = await Points(memberId);

        var reply = await Return(paidWithPoints, LoyaltyClient.NewId("R"), ("1", 3), ("2", 1));

        Assert.Equal(200, reply.Long("pointsGivenBack"));
        Assert.Equal(before + 200 - reply.Long("pointsClawedBack"), await Points(memberId));
    }

    [Fact]
    public async Task A_void_takes_everything_back_and_restores_the_coupon()
    {
        var registered = await fixture.Admin.PostAsync("/api/v1/members", new { phone = LoyaltyClient.RandomPhone(), name = "周末", storeId = "s001" });
        var memberId = registered.Body!["memberId"]!.GetValue<string>();
        var coupon = registered.Body!["gifts"]!["coupons"]![0]!.GetValue<string>();
        var txnId = LoyaltyClient.NewId("T");
        var basket = new
        {
            storeId = "s001", laneId = "02", txnId, member = new { memberId }, coupons = new[] { coupon },
            lines = new[] { new { lineId = "1", sku = "MEAT", qty = 1, unitPrice = 6000 } },
            tenders = new[] { new { kind = "cash", amount = 5000 } },
        };

        var receipt = await fixture.Admin.PostAsync("/api/v1/checkout/commit", basket);
        var afterPurchase = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");
        var voided = await fixture.Admin.PostAsync($"/api/v1/checkout/transactions/{txnId}/void", new { txnId = LoyaltyClient.NewId("V"), storeId = "s001" });
        var afterVoid = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal(5000, receipt.Long("total"));
        Assert.Equal(0, afterPurchase.Body!["coupons"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, voided.Status);
        Assert.Equal(5000, voided.Long("refund"));
        Assert.True(voided.Body!["isFullReturn"]!.GetValue<bool>());
        Assert.Equal(coupon, voided.Body!["couponsRestored"]![0]!.GetValue<string>());
        Assert.Equal(1, afterVoid.Body!["coupons"]!.GetValue<int>());
        Assert.Equal(100, afterVoid.Body!["points"]!["balance"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_return_of_an_unknown_purchase_is_404()
    {
        var reply = await Return("NO-SUCH-TXN", LoyaltyClient.NewId("R"), ("1", 1));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("txn.not_found", reply.Code);
    }

    [Fact]
    public async Task A_return_after_the_purchase_that_upgraded_the_tier_takes_spend_back_but_the_tier_waits_for_its_review()
    {
        var (memberId, cardNo) = await MemberWithCard();
        var txnId = LoyaltyClient.NewId("T");
        var upgrade = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "02", txnId, member = new { cardNo },
            lines = new[] { new { lineId = "1", sku = "TV", qty = 1, unitPrice = 200_000 } },
            tenders = new[] { new { kind = "bankcard", amount = 200_000 } },
        });
        Assert.Equal("silver", upgrade.Body!["tierChanged"]!["to"]!.GetValue<string>());

        var returned = await Return(txnId, LoyaltyClient.NewId("R"), ("1", 1));
        var member = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");

        Assert.Equal(200_000, returned.Long("refund"));
        Assert.Equal(2000, returned.Long("pointsClawedBack"));
        Assert.Equal("silver", member.Body!["tier"]!.GetValue<string>());
        Assert.Equal(0, member.Body!["tierProgress"]!["spend12m"]!.GetValue<long>());
        Assert.Equal(0, member.Body!["tierProgress"]!["visits12m"]!.GetValue<int>());
        Assert.Equal(100, member.Body!["points"]!["balance"]!.GetValue<long>());
    }
}

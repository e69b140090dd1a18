using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Checkout;

[Collection(ClusterCollection.Name)]
public sealed class QuoteTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_quote_shows_the_numbers_the_commit_then_charges()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var memberId = registration.Member.MemberId;
        var basket = Shop.Basket(Shop.ById(memberId), [.. registration.GiftCoupons], 3_990, 2_550, 12_345);

        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(basket);
        var txnId = TestIds.TxnId();
        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.Cash(quote.Total)));

        Assert.Equal(3_990 + 2_550 + 12_345 - 1_000, quote.Total);
        Assert.Equal(quote.Total, receipt.Total);
        Assert.Equal(quote.Subtotal, receipt.Subtotal);
        Assert.Equal(quote.DiscountTotal, receipt.DiscountTotal);
        Assert.Equal(quote.PointsToEarn, receipt.PointsToEarn);
        Assert.Equal(quote.PointsToEarn, receipt.PointsEarned);
        Assert.Equal(CheckoutJson.Serialize(quote.Lines), CheckoutJson.Serialize(receipt.Lines));
        Assert.Equal(100 + quote.PointsToEarn, await Client.Points(memberId));
    }

    [Fact]
    public async Task A_quote_changes_nothing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 5_000);

        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ByCard(cardNo), 4_000));

        Assert.Equal(40, quote.PointsToEarn);
        Assert.Equal(member.MemberId, quote.Member!.MemberId);
        Assert.Equal(100, await Client.Points(member.MemberId));
        Assert.Equal(5_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_quote_tells_the_lane_the_stored_value_on_the_members_active_cards()
    {
        var member = await Client.NewMember();
        var shown = await Client.NewCard(member.MemberId, 5_000);
        await Client.NewCard(member.MemberId, 1_200);
        var lost = await Client.NewCard(member.MemberId, 700);
        await Client.Card(lost).ReportLost(Shop.StoreId);

        var byCard = await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ByCard(shown), 4_000));
        var byId = await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ById(member.MemberId), 4_000));

        // The lost card's balance waits for its replacement: it cannot pay, so the lane is not told of it.
        Assert.Equal(6_200, byCard.Member!.StoredValueBalance);
        Assert.Equal(6_200, byId.Member!.StoredValueBalance);
    }

    [Fact]
    public async Task A_commit_that_pays_without_stored_value_prints_the_cards_balance_on_the_receipt()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 3_300);
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 1_000), Shop.Cash(1_000)));

        Assert.Equal(3_300, receipt.StoredValueBalance);
        Assert.Equal(3_300, receipt.Member!.StoredValueBalance);
    }

    [Fact]
    public async Task A_quote_for_an_unknown_member_is_refused()
    {
        await Expect.Refusal(ErrorCodes.MemberNotFound,
            () => Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ById("M999999999999999"), 1_000)));
    }
}

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
    public async Task A_quote_for_an_unknown_member_is_refused()
    {
        await Expect.Refusal(ErrorCodes.MemberNotFound,
            () => Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ById("M999999999999999"), 1_000)));
    }
}

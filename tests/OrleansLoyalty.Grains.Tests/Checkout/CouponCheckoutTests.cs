using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Tests.Checkout;

/// <summary>The sign-up coupon (¥10 off ¥50) is the member's own: one use, whatever the lanes do.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CouponCheckoutTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task The_sign_up_coupon_takes_ten_yuan_off_and_is_used_up()
    {
        var (memberId, coupon) = await NewMemberWithCoupon();
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(memberId), [coupon], 6_000), Shop.Cash(5_000)));

        Assert.Equal(5_000, receipt.Total);
        Assert.Equal(1_000, receipt.DiscountTotal);
        Assert.Equal(coupon, Assert.Single(receipt.CouponsRedeemed));
        Assert.Equal(50, receipt.PointsEarned);
        Assert.Equal(0, (await Client.Member(memberId).Get())!.ActiveCoupons);
        // The store's dashboard hears which coupon went, from which template, and what it took off.
        var redeemed = Assert.Single(fixture.Events.Events.OfType<CouponRedeemed>(), e => e.TxnId == txnId);
        Assert.Equal((Shop.StoreId, "signup-10-off-50", memberId, 1_000L), (redeemed.StoreId, redeemed.TemplateId, redeemed.MemberId, redeemed.Amount));
    }

    [Fact]
    public async Task A_coupon_presented_again_in_a_later_checkout_is_rejected_and_gives_no_discount()
    {
        var (memberId, coupon) = await NewMemberWithCoupon();
        var firstTxn = TestIds.TxnId();
        await Client.Checkout(firstTxn).Commit(Shop.Commit(firstTxn, Shop.Basket(Shop.ById(memberId), [coupon], 6_000), Shop.Cash(5_000)));
        var secondTxn = TestIds.TxnId();
        var basket = Shop.Basket(Shop.ById(memberId), [coupon], 6_000);

        await Expect.Refusal(ErrorCodes.TendersMismatch, () => Client.Checkout(secondTxn).Commit(Shop.Commit(secondTxn, basket, Shop.Cash(5_000))));
        var receipt = await Client.Checkout(secondTxn).Commit(Shop.Commit(secondTxn, basket, Shop.Cash(6_000)));

        Assert.Equal(6_000, receipt.Total);
        Assert.Equal(0, receipt.DiscountTotal);
        Assert.Empty(receipt.CouponsRedeemed);
        var rejected = Assert.Single(receipt.RejectedCoupons);
        Assert.Equal(new RejectedCoupon(coupon, CouponRejections.AlreadyRedeemed), rejected);
        Assert.Equal(100 + 50 + 60, await Client.Points(memberId));
    }

    [Fact]
    public async Task Two_checkouts_racing_with_one_coupon_redeem_it_once()
    {
        var (memberId, coupon) = await NewMemberWithCoupon();
        var cardNo = await Client.NewCard(memberId, 20_000);
        var txnIds = new[] { TestIds.TxnId(), TestIds.TxnId(), TestIds.TxnId() };

        var outcomes = await Task.WhenAll(txnIds.Select(async txnId =>
        {
            try
            {
                var basket = Shop.Basket(Shop.ByCard(cardNo), [coupon], 6_000);
                return (Receipt: await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.StoredValue(cardNo, 5_000))), Error: (string?)null);
            }
            catch (LoyaltyException e)
            {
                return (Receipt: (Receipt?)null, Error: e.Code);
            }
        }));

        var won = Assert.Single(outcomes, o => o.Receipt is not null).Receipt!;
        Assert.Equal(coupon, Assert.Single(won.CouponsRedeemed));
        // A loser either priced before the winner finished (the member refuses the used coupon) or after
        // (the coupon no longer discounts, so the lane's tenders are short): refused either way.
        Assert.All(outcomes.Where(o => o.Receipt is null),
            o => Assert.Contains(o.Error, new[] { ErrorCodes.CouponAlreadyRedeemed, ErrorCodes.TendersMismatch }));
        Assert.Equal(15_000, await Client.Balance(cardNo));
        Assert.Equal(150, await Client.Points(memberId));
        Assert.Equal(1, (await Client.Member(memberId).Get())!.Visits12m);
    }

    private async Task<(string MemberId, string Coupon)> NewMemberWithCoupon()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        return (registration.Member.MemberId, Assert.Single(registration.GiftCoupons));
    }
}

using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Persistence;

/// <summary>What a member or a lane sees must survive a grain leaving memory and coming back from storage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeactivationTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_member_reloaded_from_storage_has_the_same_wallet_and_profile()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone(), "孙七"));
        var memberId = registration.Member.MemberId;
        var cardNo = await Client.NewCard(memberId, 7_000);
        var txnId = TestIds.TxnId();
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(memberId), 4_321), Shop.Cash(4_321)));
        var before = (await Client.Member(memberId).Get())!;

        await Deactivate(Client.Member(memberId));
        await Deactivate(Client.Card(cardNo));

        var after = (await Client.Member(memberId).Get())!;
        Assert.Equal(143, after.PointsBalance);
        Assert.Equal(before.PointsBalance, after.PointsBalance);
        Assert.Equal("孙七", after.Profile.Name);
        Assert.Equal(before.Profile.Phone, after.Profile.Phone);
        Assert.Equal(before.Spend12m, after.Spend12m);
        Assert.Equal(before.ActiveCoupons, after.ActiveCoupons);
        Assert.Equal([cardNo], after.CardNos);
        Assert.Equal(7_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_checkout_settled_before_the_member_was_reloaded_is_not_settled_again()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));

        await Deactivate(Client.Member(member.MemberId));
        var effect = new MemberCheckoutEffect(txnId, Shop.StoreId, fixture.Clock.GetUtcNow(),
            DateOnly.FromDateTime(LoyaltyClusterFixture.Start.DateTime), 5_000, 1, 50, 0, []);
        var again = await Client.Member(member.MemberId).CommitCheckout(effect,
            new SaleDraft(receipt, "another attempt", new ReturnBasis(member.MemberId, null, [], []), 0, CompletesPlannedRow: false));

        Assert.True(again.Replayed);
        Assert.Equal(receipt.PointsBalance, again.Result.PointsBalance);
        Assert.Equal(150, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_committed_checkout_replayed_after_its_grain_was_reloaded_gets_the_same_receipt()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 9_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 3_000), Shop.StoredValue(cardNo, 3_000));
        var first = await Client.Checkout(txnId).Commit(request);

        await Deactivate(Client.Checkout(txnId));
        var again = await Client.Checkout(txnId).Commit(request);

        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(6_000, await Client.Balance(cardNo));
        Assert.Equal(130, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_committed_coupon_checkout_replayed_after_its_grain_was_reloaded_gets_the_same_receipt()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var memberId = registration.Member.MemberId;
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(memberId), [.. registration.GiftCoupons], 6_000), Shop.Cash(5_000));
        var first = await Client.Checkout(txnId).Commit(request);

        await Deactivate(Client.Checkout(txnId));
        var again = await Client.Checkout(txnId).Commit(request);

        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(150, await Client.Points(memberId));
    }

    [Fact]
    public async Task A_committed_card_checkout_replayed_after_the_card_was_reported_lost_gets_the_same_receipt()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 9_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 3_000), Shop.StoredValue(cardNo, 3_000));
        var first = await Client.Checkout(txnId).Commit(request);
        await Client.Card(cardNo).ReportLost(Shop.StoreId);

        await Deactivate(Client.Checkout(txnId));
        var again = await Client.Checkout(txnId).Commit(request);

        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(6_000, await Client.Balance(cardNo));
    }

    private async Task Deactivate(IAddressable grain)
    {
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Checkout;

/// <summary>
/// The commit as the api and the lanes make it: in the silo's process, the member's write alone for a sale only the
/// member settles, the txnId's checkout grain for everything else. Once per txnId either way.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommitterTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    private Committer Committer => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Committer>();

    [Fact]
    public async Task A_member_settled_sale_is_committed_once_and_a_retry_gets_the_same_receipt()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000, 1_234), Shop.Cash(6_234));

        var first = await Committer.Commit(request);
        var again = await Committer.Commit(request);

        Assert.Equal(62, first.PointsEarned);
        Assert.Equal(162, first.PointsBalance);
        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(162, await Client.Points(member.MemberId));
        Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsEarned);
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(txnId));
        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(await Client.Checkout(txnId).GetReceipt()));
    }

    [Fact]
    public async Task A_hundred_parallel_retries_of_one_txnId_have_one_effect()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 8_800), Shop.Cash(8_800));

        var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Committer.Commit(request))));

        Assert.Single(receipts.Select(CheckoutJson.Serialize).Distinct());
        Assert.Equal(188, await Client.Points(member.MemberId));
        Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsEarned);
        Assert.Equal(1, (await Client.Member(member.MemberId).Get())!.Visits12m);
    }

    [Fact]
    public async Task A_txnId_reused_for_another_basket_is_a_conflict_and_changes_nothing()
    {
        var member = await Client.NewMember();
        var other = await Client.NewMember();
        var txnId = TestIds.TxnId();
        await Committer.Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));

        await Expect.Refusal(ErrorCodes.TxnConflict,
            () => Committer.Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 7_000), Shop.Cash(7_000))));
        await Expect.Refusal(ErrorCodes.TxnConflict,
            () => Committer.Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(other.MemberId), 7_000), Shop.Cash(7_000))));

        Assert.Equal(150, await Client.Points(member.MemberId));
        Assert.Equal(100, await Client.Points(other.MemberId));
        Assert.Equal(5_000, (await Client.Checkout(txnId).GetReceipt())!.Total);
    }

    [Fact]
    public async Task A_retry_after_its_coupon_was_used_by_the_first_attempt_gets_the_first_receipt()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var memberId = registration.Member.MemberId;
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(memberId), [.. registration.GiftCoupons], 6_000), Shop.Cash(5_000));

        var first = await Committer.Commit(request);
        // Priced again now, the coupon is used and the tenders fall short: the lane still gets what it committed.
        var retry = await Committer.Commit(request);

        Assert.Equal(1_000, first.DiscountTotal);
        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(retry));
        Assert.Equal(150, await Client.Points(memberId));
    }

    [Fact]
    public async Task A_refusal_no_earlier_attempt_explains_reaches_the_lane_and_records_nothing()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();

        await Expect.Refusal(ErrorCodes.TendersMismatch,
            () => Committer.Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(4_999))));

        Assert.Null(fixture.Checkouts.StatusOf(txnId));
        Assert.Equal(100, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_sale_paid_from_stored_value_is_planned_and_debits_the_card_once()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 3_000), Shop.StoredValue(cardNo, 3_000));

        var receipt = await Committer.Commit(request);
        await Committer.Commit(request);

        Assert.Equal(7_000, receipt.StoredValueBalance);
        Assert.Equal(7_000, await Client.Balance(cardNo));
        Assert.Equal(130, await Client.Points(member.MemberId));
        Assert.NotNull((await fixture.Checkouts.Load(txnId))!.PlanJson);
    }

    [Fact]
    public async Task Fifty_parallel_attempts_of_one_stored_value_sale_debit_the_card_once_and_all_get_its_receipt()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 3_000), Shop.StoredValue(cardNo, 3_000));

        var receipts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Committer.Commit(request))));

        Assert.Single(receipts.Select(CheckoutJson.Serialize).Distinct());
        Assert.Equal(7_000, await Client.Balance(cardNo));
        Assert.Equal(130, await Client.Points(member.MemberId));
        Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.StoredValueSpent);
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(txnId));
    }

    [Fact]
    public async Task A_stored_value_sale_the_member_refuses_after_the_card_paid_gives_the_money_back_and_commits_nothing()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var memberId = registration.Member.MemberId;
        var coupon = Assert.Single(registration.GiftCoupons);
        var cardNo = await Client.NewCard(memberId, 10_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), [coupon], 6_000), Shop.StoredValue(cardNo, 5_000));
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        var planner = services.GetRequiredService<SalePlanner>();
        var plan = await planner.Plan(txnId, request, planner.Fingerprint(request));
        // Planned with the coupon; another lane uses it before this sale reaches the member.
        var otherTxn = TestIds.TxnId();
        await Committer.Commit(Shop.Commit(otherTxn, Shop.Basket(Shop.ById(memberId), [coupon], 7_000), Shop.Cash(6_000)));

        await Assert.ThrowsAsync<LoyaltyException>(() => services.GetRequiredService<SaleSettlement>().SettlePlanned(plan));

        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.Equal(CheckoutStatus.Aborted, fixture.Checkouts.StatusOf(txnId));
        Assert.Null(await Client.Checkout(txnId).GetReceipt());
        Assert.Equal(100 + 60, await Client.Points(memberId));
    }

    [Fact]
    public async Task Twenty_lanes_paying_from_stored_value_with_one_single_use_public_code_sell_it_once_and_the_others_keep_their_money()
    {
        var code = "PUB-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var rules = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<OrleansLoyalty.Grains.Pricing.PricingEngines>();
        rules.ReplaceCouponTemplates([.. rules.CouponTemplates, new Domain.CouponTemplate("tpl-" + code, "全场满50减5", Domain.CouponKind.AmountOffOver,
            5_000, 500, 0, [], [], null, null, null, Public: true, Code: code, MaxRedemptions: 1)]);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var member = await Client.NewMember();
            return (Member: member.MemberId, Card: await Client.NewCard(member.MemberId, 10_000), TxnId: TestIds.TxnId());
        }));

        var outcomes = await Task.WhenAll(shoppers.Select(shopper => Task.Run(async () =>
        {
            try
            {
                var request = Shop.Commit(shopper.TxnId, Shop.Basket(Shop.ByCard(shopper.Card), [code], 6_000), Shop.StoredValue(shopper.Card, 5_500));
                return (shopper.TxnId, shopper.Card, Error: (await Committer.Commit(request)).Total == 5_500 ? null : "wrong total");
            }
            catch (LoyaltyException e)
            {
                return (shopper.TxnId, shopper.Card, Error: e.Code);
            }
        })));

        var sold = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal(ErrorCodes.CouponAlreadyRedeemed, o.Error));
        Assert.Equal(4_500, await Client.Balance(sold.Card));
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(sold.TxnId));
        Assert.Equal(0, await Client.GetGrain<Contracts.Coupons.IPublicCouponGrain>(code).Remaining());
        foreach (var refused in outcomes.Where(o => o.Error is not null))
        {
            Assert.Equal(10_000, await Client.Balance(refused.Card));
            Assert.Equal(CheckoutStatus.Aborted, fixture.Checkouts.StatusOf(refused.TxnId));
        }
    }

    [Fact]
    public async Task An_anonymous_sale_is_recorded_once()
    {
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(null, 2_500), Shop.Cash(2_500));

        var first = await Committer.Commit(request);
        var again = await Committer.Commit(request);

        Assert.Null(first.Member);
        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(txnId));
    }
}

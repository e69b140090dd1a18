using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Checkout;

/// <summary>A silo that died mid-checkout leaves a <c>committing</c> row with its plan; recovery finishes or undoes it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RecoveryTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Recovery_finishes_a_planned_checkout_and_the_member_gets_the_points()
    {
        var member = await Client.NewMember();
        var request = await PlantCommitting(Shop.Basket(Shop.ById(member.MemberId), 8_888), [Shop.Cash(8_888)]);

        await Client.Checkout(request.TxnId).Recover();

        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(100 + 88, await Client.Points(member.MemberId));
        var receipt = await Client.Checkout(request.TxnId).GetReceipt();
        Assert.Equal(88, receipt!.PointsEarned);

        // The lane's retry after the crash gets the recovered receipt, and nothing happens twice.
        var retried = await Client.Checkout(request.TxnId).Commit(request);
        Assert.Equal(CheckoutJson.Serialize(receipt), CheckoutJson.Serialize(retried));
        await Client.Checkout(request.TxnId).Recover();
        Assert.Equal(100 + 88, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task Recovery_after_the_card_was_already_debited_does_not_debit_it_again()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var request = await PlantCommitting(Shop.Basket(Shop.ByCard(cardNo), 6_000), [Shop.StoredValue(cardNo, 6_000)]);
        await Client.Card(cardNo).Debit(request.TxnId, 6_000, Shop.StoreId);

        await Client.Checkout(request.TxnId).Recover();

        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(4_000, await Client.Balance(cardNo));
        Assert.Equal(160, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_crash_after_the_first_cards_debit_leaves_its_plan_recorded_with_it_and_recovery_or_the_lanes_retry_finishes_the_sale_once()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var (request, plan) = await PlanOf(Shop.Basket(Shop.ByCard(cardNo), 6_000), [Shop.StoredValue(cardNo, 6_000)]);
        Assert.True(plan.BeginsWithFirstDebit);

        // What the checkout grain does first; the silo then dies before the member's write.
        Assert.True(await Client.Card(cardNo).DebitRecordingPlan(plan.Row(), 6_000));

        Assert.Equal(CheckoutStatus.Committing, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(4_000, await Client.Balance(cardNo));
        Assert.False(await Client.Card(cardNo).DebitRecordingPlan(plan.Row(), 6_000));
        var retried = await Client.Checkout(request.TxnId).Commit(request);
        await Client.Checkout(request.TxnId).Recover();

        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(6_000, retried.Total);
        Assert.Equal(4_000, await Client.Balance(cardNo));
        Assert.Equal(160, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_cards_debit_that_would_begin_a_plan_for_a_txnId_already_recorded_changes_nothing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var paidInCash = TestIds.TxnId();
        await Client.Checkout(paidInCash).Commit(Shop.Commit(paidInCash, Shop.Basket(Shop.ByCard(cardNo), 3_000), Shop.Cash(3_000)));
        var (_, plan) = await PlanOf(Shop.Basket(Shop.ByCard(cardNo), 6_000), [Shop.StoredValue(cardNo, 6_000)]);

        var begun = await Client.Card(cardNo).DebitRecordingPlan(plan.Row() with { TxnId = paidInCash }, 6_000);

        Assert.False(begun);
        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(paidInCash));
    }

    [Fact]
    public async Task Recovery_undoes_a_checkout_whose_card_cannot_pay()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var request = await PlantCommitting(Shop.Basket(Shop.ByCard(cardNo), 6_000), [Shop.StoredValue(cardNo, 6_000)]);
        // Between the crash and the sweep the card was spent elsewhere.
        await Client.Card(cardNo).Refund(TestIds.TxnId(), 5_000, Shop.StoreId);

        await Client.Checkout(request.TxnId).Recover();

        Assert.Equal(CheckoutStatus.Aborted, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(5_000, await Client.Balance(cardNo));
        Assert.Equal(100, await Client.Points(member.MemberId));
        Assert.Null(await Client.Checkout(request.TxnId).GetReceipt());
    }

    [Fact]
    public async Task Recovery_undoes_a_checkout_whose_coupon_was_used_meanwhile_and_gives_the_card_its_money_back()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var memberId = registration.Member.MemberId;
        var coupon = Assert.Single(registration.GiftCoupons);
        var cardNo = await Client.NewCard(memberId, 10_000);
        var stuck = await PlantCommitting(Shop.Basket(Shop.ById(memberId), [coupon], 6_000), [Shop.StoredValue(cardNo, 5_000)]);
        var otherTxn = TestIds.TxnId();
        await Client.Checkout(otherTxn).Commit(Shop.Commit(otherTxn, Shop.Basket(Shop.ById(memberId), [coupon], 7_000), Shop.Cash(6_000)));

        await Client.Checkout(stuck.TxnId).Recover();

        Assert.Equal(CheckoutStatus.Aborted, fixture.Checkouts.StatusOf(stuck.TxnId));
        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.Equal(100 + 60, await Client.Points(memberId));
    }

    [Fact]
    public async Task The_sweep_finds_checkouts_stuck_longer_than_its_threshold()
    {
        var member = await Client.NewMember();
        var request = await PlantCommitting(Shop.Basket(Shop.ById(member.MemberId), 1_000), [Shop.Cash(1_000)]);
        var sweep = new CheckoutRecoveryService(fixture.Checkouts, Client, fixture.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CheckoutRecoveryService>.Instance);

        fixture.Clock.Advance(CheckoutRecoveryService.StuckAfter + TimeSpan.FromSeconds(1));
        await sweep.SweepOnce();

        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(request.TxnId));
        Assert.Equal(110, await Client.Points(member.MemberId));
    }

    /// <summary>Prices <paramref name="basket"/> as the checkout grain would and leaves its plan as a crash would: committing, nothing applied.</summary>
    private async Task<CommitRequest> PlantCommitting(CheckoutBasket basket, ImmutableArray<Tender> tenders)
    {
        var (request, plan) = await PlanOf(basket, tenders);
        fixture.Checkouts.Plant(new CheckoutRow(request.TxnId, CheckoutStatus.Committing, plan.RequestHash, CheckoutJson.Serialize(plan), null));
        return request;
    }

    /// <summary>The plan the checkout grain would make for <paramref name="basket"/> paid with <paramref name="tenders"/>.</summary>
    private async Task<(CommitRequest Request, CheckoutPlan Plan)> PlanOf(CheckoutBasket basket, ImmutableArray<Tender> tenders)
    {
        var txnId = TestIds.TxnId();
        var request = new CommitRequest(txnId, basket, tenders);
        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(basket);
        Assert.Equal(quote.Total, tenders.Sum(t => t.Amount));
        var view = await Client.Member(quote.Member!.MemberId).GetPricingView();
        var at = fixture.Clock.GetUtcNow();
        var effect = new MemberCheckoutEffect(txnId, basket.StoreId, at, DateOnly.FromDateTime(LoyaltyClusterFixture.Start.DateTime),
            quote.Total, 1, quote.PointsToEarn, quote.PointsRedeemed, [.. quote.CouponsApplied]);
        var debits = tenders.Where(t => t.Kind == TenderKinds.StoredValue).Select(t => new CardDebit(t.CardNo!, t.Amount)).ToImmutableArray();
        var hash = fixture.Protector.Fingerprint(CheckoutJson.Canonical(request));
        return (request, new CheckoutPlan(txnId, hash, basket, tenders, quote with { QuoteId = txnId }, view!.Context.MemberId, effect, debits, at));
    }
}

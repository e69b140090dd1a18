using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Checkout;

[Collection(ClusterCollection.Name)]
public sealed class CheckoutCommitTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_standard_member_earns_one_point_per_whole_yuan()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 10_000, 2_345), Shop.Cash(12_345)));

        Assert.Equal(12_345, receipt.Total);
        Assert.Equal(123, receipt.PointsEarned);
        Assert.Equal(223, receipt.PointsBalance);
        Assert.Equal("standard", receipt.Tier);
        Assert.Null(receipt.TierChanged);
        Assert.Equal(223, await Client.Points(member.MemberId));
        var earned = Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsEarned);
        Assert.Equal(txnId, earned.TxnId);
        Assert.Equal(123, earned.Points);
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(txnId));
        Assert.Equal(1, (await Client.Member(member.MemberId).Get())!.Visits12m);
        var published = Assert.Single(fixture.Events.Events.OfType<OrleansLoyalty.Contracts.Events.CheckoutCommitted>(), e => e.TxnId == txnId);
        Assert.Equal(12_345, published.Total);
    }

    [Fact]
    public async Task The_same_request_again_gets_the_same_receipt_and_earns_once()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000));

        var first = await Client.Checkout(txnId).Commit(request);
        var again = await Client.Checkout(txnId).Commit(request);

        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(again));
        Assert.Equal(150, await Client.Points(member.MemberId));
        Assert.Equal(CheckoutJson.Serialize(first), CheckoutJson.Serialize(await Client.Checkout(txnId).GetReceipt()));
    }

    [Fact]
    public async Task A_sale_only_its_member_settles_is_recorded_by_the_members_write_without_a_plan()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();

        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));

        var row = (await fixture.Checkouts.Load(txnId))!;
        Assert.Equal(CheckoutStatus.Committed, row.Status);
        Assert.Null(row.PlanJson);
        Assert.Equal(member.MemberId, CheckoutJson.Deserialize<ReturnBasis>(row.ReturnBasisJson!).MemberId);
        Assert.Equal(50, CheckoutJson.Deserialize<Receipt>(row.ReceiptJson!).PointsEarned);
    }

    [Fact]
    public async Task A_txnId_already_recorded_for_another_member_is_refused_and_that_member_keeps_everything()
    {
        var first = await Client.NewMember();
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var second = registration.Member;
        var txnId = TestIds.TxnId();
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(first.MemberId), 5_000), Shop.Cash(5_000)));
        // The first attempt's grain is gone (as after a silo restart): only the recorded row knows the txnId.
        await fixture.Cluster.DeactivateAsync(Client.Checkout(txnId));
        await fixture.Cluster.WaitForDeactivationAsync(Client.Checkout(txnId));

        await Expect.Refusal(ErrorCodes.TxnConflict, () => Client.Checkout(txnId).Commit(
            Shop.Commit(txnId, Shop.Basket(Shop.ById(second.MemberId), [.. registration.GiftCoupons], 6_000), Shop.Cash(5_000))));

        Assert.Equal(100, await Client.Points(second.MemberId));
        Assert.Equal(1, (await Client.Member(second.MemberId).Get())!.ActiveCoupons);
        Assert.DoesNotContain(fixture.Ledger.ForMember(second.MemberId), e => e.TxnId == txnId);
        Assert.Equal(150, await Client.Points(first.MemberId));
    }

    [Fact]
    public async Task The_same_txnId_with_a_different_basket_is_a_conflict()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));

        await Expect.Refusal(ErrorCodes.TxnConflict,
            () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 7_000), Shop.Cash(7_000))));

        Assert.Equal(150, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task A_hundred_lanes_committing_one_txnId_at_once_have_one_effect()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 20_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 9_999), Shop.StoredValue(cardNo, 4_000), Shop.Cash(5_999));

        var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.Checkout(txnId).Commit(request)));

        Assert.Single(receipts.Select(CheckoutJson.Serialize).Distinct());
        Assert.Equal(100 + 99, await Client.Points(member.MemberId));
        Assert.Equal(16_000, await Client.Balance(cardNo));
        Assert.Equal(1, (await Client.Member(member.MemberId).Get())!.Visits12m);
        Assert.Single(fixture.Ledger.ForCard(cardNo), e => e.Kind == LedgerKind.StoredValueSpent);
    }

    [Fact]
    public async Task Tenders_that_do_not_add_up_to_the_total_are_refused_and_change_nothing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();

        await Expect.Refusal(ErrorCodes.TendersMismatch,
            () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 6_000), Shop.StoredValue(cardNo, 3_000), Shop.Cash(2_999))));

        Assert.Equal(100, await Client.Points(member.MemberId));
        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.Null(fixture.Checkouts.StatusOf(txnId));
        Assert.Null(await Client.Checkout(txnId).GetReceipt());
    }

    [Fact]
    public async Task Paying_from_stored_value_debits_the_card_and_the_receipt_shows_what_is_left()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 2_500, 1_000), Shop.StoredValue(cardNo, 3_500)));

        Assert.Equal(6_500, await Client.Balance(cardNo));
        Assert.Equal(6_500, receipt.StoredValueBalance);
        Assert.Equal(35, receipt.PointsEarned);
        Assert.Equal(member.MemberId, receipt.Member!.MemberId);
    }

    [Fact]
    public async Task Two_checkouts_racing_for_one_cards_balance_cannot_overdraw_it()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnIds = new[] { TestIds.TxnId(), TestIds.TxnId() };

        var outcomes = await Task.WhenAll(txnIds.Select(async txnId =>
        {
            try
            {
                await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 8_000), Shop.StoredValue(cardNo, 8_000)));
                return (TxnId: txnId, Error: (string?)null);
            }
            catch (LoyaltyException e)
            {
                return (TxnId: txnId, Error: e.Code);
            }
        }));

        var won = Assert.Single(outcomes, o => o.Error is null);
        var lost = Assert.Single(outcomes, o => o.Error is not null);
        Assert.Equal(ErrorCodes.StoredValueInsufficient, lost.Error);
        Assert.Equal(2_000, await Client.Balance(cardNo));
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(won.TxnId));
        // Refused by the card before anything was recorded: the plan rides on that debit, so there is no row at all.
        Assert.Null(fixture.Checkouts.StatusOf(lost.TxnId));
        Assert.Null(await Client.Checkout(lost.TxnId).GetReceipt());
        Assert.Equal(100 + 80, await Client.Points(member.MemberId));
    }

    [Fact]
    public async Task Stored_value_of_someone_elses_card_is_refused()
    {
        var shopper = await Client.NewMember();
        var stranger = await Client.NewMember();
        var strangersCard = await Client.NewCard(stranger.MemberId, 10_000);
        var txnId = TestIds.TxnId();

        await Expect.Refusal(ErrorCodes.AuthForbidden,
            () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(shopper.MemberId), 5_000), Shop.StoredValue(strangersCard, 5_000))));

        Assert.Equal(10_000, await Client.Balance(strangersCard));
        Assert.Equal(100, await Client.Points(shopper.MemberId));
    }

    [Fact]
    public async Task A_lost_card_cannot_identify_a_shopper_at_the_till()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        await Client.Card(cardNo).ReportLost(Shop.StoreId);
        var txnId = TestIds.TxnId();

        await Expect.Refusal(ErrorCodes.CardLost,
            () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 5_000), Shop.StoredValue(cardNo, 5_000))));

        Assert.Equal(10_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task Spend_crossing_2000_yuan_in_twelve_months_upgrades_to_silver()
    {
        var member = await Client.NewMember();
        var firstTxn = TestIds.TxnId();
        var first = await Client.Checkout(firstTxn).Commit(Shop.Commit(firstTxn, Shop.Basket(Shop.ById(member.MemberId), 150_000), Shop.Cash(150_000)));
        Assert.Null(first.TierChanged);
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 50_000), Shop.Cash(50_000)));

        Assert.Equal(new TierChange("standard", "silver"), receipt.TierChanged);
        Assert.Equal("silver", receipt.Tier);
        var now = await Client.Member(member.MemberId).Get();
        Assert.Equal("silver", now!.Tier);
        Assert.Equal(200_000, now.Spend12m);
        Assert.Equal("silver", fixture.Facts.TierOf(member.MemberId));
    }

    [Fact]
    public async Task Spend_just_below_the_silver_threshold_keeps_the_member_standard()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 199_999), Shop.Cash(199_999)));

        Assert.Null(receipt.TierChanged);
        Assert.Equal("standard", (await Client.Member(member.MemberId).Get())!.Tier);
    }

    [Fact]
    public async Task An_anonymous_basket_commits_without_member_effects()
    {
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(null, 3_000), Shop.Cash(3_000)));

        Assert.Null(receipt.Member);
        Assert.Equal(0, receipt.PointsEarned);
        Assert.Equal(3_000, receipt.Total);
        Assert.Equal(CheckoutStatus.Committed, fixture.Checkouts.StatusOf(txnId));
    }
}

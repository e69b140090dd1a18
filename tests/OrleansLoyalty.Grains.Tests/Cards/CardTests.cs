using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Tests.Cards;

[Collection(ClusterCollection.Name)]
public sealed class CardTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_bound_card_is_active_and_listed_on_the_member()
    {
        var member = await Client.NewMember();
        var cardNo = TestIds.CardNo();

        var card = await Client.Card(cardNo).Bind(member.MemberId, "ic", Shop.StoreId);

        Assert.Equal(CardStatus.Active, card.Status);
        Assert.Equal(member.MemberId, card.MemberId);
        Assert.Contains(cardNo, (await Client.Member(member.MemberId).Get())!.CardNos);
        Assert.Equal(card, await Client.Card(cardNo).EnsureUsable());
    }

    [Fact]
    public async Task Binding_again_to_the_same_member_is_a_no_op_but_to_another_member_is_refused()
    {
        var owner = await Client.NewMember();
        var other = await Client.NewMember();
        var cardNo = await Client.NewCard(owner.MemberId);

        Assert.Equal(CardStatus.Active, (await Client.Card(cardNo).Bind(owner.MemberId, "ic", Shop.StoreId)).Status);
        await Expect.Refusal(ErrorCodes.CardAlreadyBound, () => Client.Card(cardNo).Bind(other.MemberId, "ic", Shop.StoreId));

        Assert.Equal(owner.MemberId, (await Client.Card(cardNo).Get()).MemberId);
        Assert.DoesNotContain(cardNo, (await Client.Member(other.MemberId).Get())!.CardNos);
    }

    [Fact]
    public async Task Binding_to_a_member_that_does_not_exist_leaves_the_card_free()
    {
        var cardNo = TestIds.CardNo();

        await Expect.Refusal(ErrorCodes.MemberNotFound, () => Client.Card(cardNo).Bind("M000000000000000", "ic", Shop.StoreId));

        Assert.Equal(CardStatus.Unbound, (await Client.Card(cardNo).Get()).Status);
        var member = await Client.NewMember();
        Assert.Equal(CardStatus.Active, (await Client.Card(cardNo).Bind(member.MemberId, "ic", Shop.StoreId)).Status);
    }

    [Fact]
    public async Task A_top_up_repeated_with_its_txnId_is_credited_once()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId);
        var txnId = TestIds.TxnId();

        var first = await Client.Card(cardNo).TopUp(txnId, 10_000, "cash", Shop.StoreId);
        var again = await Client.Card(cardNo).TopUp(txnId, 10_000, "cash", Shop.StoreId);

        Assert.Equal(10_000, first.Balance);
        Assert.Equal(10_000, again.Balance);
        Assert.Equal(10_000, await Client.Balance(cardNo));
        var entry = Assert.Single(fixture.Ledger.ForCard(cardNo));
        Assert.Equal(LedgerKind.StoredValueTopUp, entry.Kind);
        Assert.Equal(10_000, entry.Amount);
        // The store's dashboard hears of it once, and never sees the whole card number.
        var published = Assert.Single(fixture.Events.Events.OfType<StoredValueToppedUp>(), e => e.TxnId == txnId);
        Assert.Equal((Shop.StoreId, 10_000L, $"{cardNo[..4]}****{cardNo[^4..]}"), (published.StoreId, published.Amount, published.CardNoMasked));
    }

    [Fact]
    public async Task A_txnId_reused_for_a_different_amount_is_a_conflict_and_changes_nothing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId);
        var txnId = TestIds.TxnId();
        await Client.Card(cardNo).TopUp(txnId, 10_000, "cash", Shop.StoreId);

        await Expect.Refusal(ErrorCodes.TxnConflict, () => Client.Card(cardNo).TopUp(txnId, 20_000, "cash", Shop.StoreId));

        Assert.Equal(10_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_card_holds_at_most_5000_yuan()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 400_000);

        await Expect.Refusal(ErrorCodes.StoredValueLimitExceeded, () => Client.Card(cardNo).TopUp(TestIds.TxnId(), 100_001, "cash", Shop.StoreId));
        Assert.Equal(400_000, await Client.Balance(cardNo));

        Assert.Equal(500_000, (await Client.Card(cardNo).TopUp(TestIds.TxnId(), 100_000, "cash", Shop.StoreId)).Balance);
    }

    [Fact]
    public async Task A_refund_larger_than_the_balance_is_refused_and_a_smaller_one_pays_out()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 5_000);

        await Expect.Refusal(ErrorCodes.StoredValueInsufficient, () => Client.Card(cardNo).Refund(TestIds.TxnId(), 5_001, Shop.StoreId));
        Assert.Equal(5_000, await Client.Balance(cardNo));

        Assert.Equal(1_000, (await Client.Card(cardNo).Refund(TestIds.TxnId(), 4_000, Shop.StoreId)).Balance);
    }

    [Fact]
    public async Task A_lost_card_cannot_be_used_or_topped_up_but_keeps_its_balance()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 8_000);

        var lost = await Client.Card(cardNo).ReportLost(Shop.StoreId);

        Assert.Equal(CardStatus.Lost, lost.Status);
        Assert.Equal(8_000, lost.Balance);
        await Expect.Refusal(ErrorCodes.CardLost, () => Client.Card(cardNo).EnsureUsable());
        await Expect.Refusal(ErrorCodes.CardLost, () => Client.Card(cardNo).TopUp(TestIds.TxnId(), 100, "cash", Shop.StoreId));
        await Expect.Refusal(ErrorCodes.CardLost, () => Client.Card(cardNo).Debit(TestIds.TxnId(), 100, Shop.StoreId));
        Assert.Equal(8_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_lost_card_found_again_pays_with_its_balance_but_a_replaced_one_stays_replaced()
    {
        var member = await Client.NewMember();
        var found = await Client.NewCard(member.MemberId, 5_000);
        var replaced = await Client.NewCard(member.MemberId, 3_000);
        await Client.Card(found).ReportLost(Shop.StoreId);
        await Client.Card(replaced).ReportLost(Shop.StoreId);
        await Client.Card(replaced).Replace(TestIds.CardNo(), Shop.StoreId);

        var again = await Client.Card(found).ReportFound(Shop.StoreId);
        var twice = await Client.Card(found).ReportFound(Shop.StoreId);

        Assert.Equal((CardStatus.Active, 5_000L), (again.Status, again.Balance));
        Assert.Equal(CardStatus.Active, twice.Status);
        Assert.Equal(4_000, (await Client.Card(found).Debit(TestIds.TxnId(), 1_000, Shop.StoreId)).Balance);
        await Expect.Refusal(ErrorCodes.CardReplaced, () => Client.Card(replaced).ReportFound(Shop.StoreId));
        await Expect.Refusal(ErrorCodes.CardNotFound, () => Client.Card(TestIds.CardNo()).ReportFound(Shop.StoreId));
    }

    [Fact]
    public async Task Replacing_a_lost_card_moves_the_balance_to_an_active_new_card()
    {
        var member = await Client.NewMember();
        var oldCard = await Client.NewCard(member.MemberId, 12_345);
        await Client.Card(oldCard).ReportLost(Shop.StoreId);
        var newCard = TestIds.CardNo();

        var replaced = await Client.Card(oldCard).Replace(newCard, Shop.StoreId);

        Assert.Equal(CardStatus.Replaced, replaced.Status);
        Assert.Equal(newCard, replaced.ReplacedBy);
        Assert.Equal(0, replaced.Balance);
        var successor = await Client.Card(newCard).EnsureUsable();
        Assert.Equal(CardStatus.Active, successor.Status);
        Assert.Equal(member.MemberId, successor.MemberId);
        Assert.Equal(12_345, successor.Balance);
        await Expect.Refusal(ErrorCodes.CardReplaced, () => Client.Card(oldCard).EnsureUsable());
        Assert.Contains(newCard, (await Client.Member(member.MemberId).Get())!.CardNos);
    }

    [Fact]
    public async Task A_card_cannot_be_replaced_by_a_card_already_in_use()
    {
        var member = await Client.NewMember();
        var card = await Client.NewCard(member.MemberId, 1_000);
        var taken = await Client.NewCard(member.MemberId, 2_000);

        await Expect.Refusal(ErrorCodes.CardAlreadyBound, () => Client.Card(card).Replace(taken, Shop.StoreId));

        Assert.Equal(CardStatus.Active, (await Client.Card(card).Get()).Status);
        Assert.Equal(1_000, await Client.Balance(card));
        Assert.Equal(2_000, await Client.Balance(taken));
    }

    [Fact]
    public async Task A_debit_is_taken_once_per_txnId_and_never_below_zero()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 3_000);
        var txnId = TestIds.TxnId();

        await Client.Card(cardNo).Debit(txnId, 2_000, Shop.StoreId);
        await Client.Card(cardNo).Debit(txnId, 2_000, Shop.StoreId);
        Assert.Equal(1_000, await Client.Balance(cardNo));

        await Expect.Refusal(ErrorCodes.StoredValueInsufficient, () => Client.Card(cardNo).Debit(TestIds.TxnId(), 1_001, Shop.StoreId));
        Assert.Equal(1_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_cancelled_debit_gives_the_money_back_and_a_late_retry_takes_nothing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 3_000);
        var undone = TestIds.TxnId();
        var neverCame = TestIds.TxnId();

        await Client.Card(cardNo).Debit(undone, 2_000, Shop.StoreId);
        await Client.Card(cardNo).CancelDebit(undone, Shop.StoreId);
        await Client.Card(cardNo).CancelDebit(neverCame, Shop.StoreId);

        Assert.Equal(3_000, await Client.Balance(cardNo));
        await Expect.Refusal(ErrorCodes.TxnConflict, () => Client.Card(cardNo).Debit(undone, 2_000, Shop.StoreId));
        await Expect.Refusal(ErrorCodes.TxnConflict, () => Client.Card(cardNo).Debit(neverCame, 500, Shop.StoreId));
        Assert.Equal(3_000, await Client.Balance(cardNo));
    }
}

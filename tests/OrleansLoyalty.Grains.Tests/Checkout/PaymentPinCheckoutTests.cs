using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Tests.Dashboard;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Grains.Tests.Checkout;

/// <summary>Stored value and the member's payment PIN (docs/payment-pin.md), with the default programme's rules.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaymentPinCheckoutTests(LoyaltyClusterFixture fixture) : IDisposable
{
    private const string Pin = "482916";

    private IClusterClient Client => fixture.Client;

    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    [Fact]
    public async Task Stored_value_by_member_id_alone_is_refused_until_the_member_sets_a_pin_and_then_takes_it()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();
        var basket = Shop.Basket(Shop.ById(member.MemberId), 3_000);

        await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.StoredValue(cardNo, 3_000))));
        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.Null(fixture.Checkouts.StatusOf(txnId));

        await Pins(member.MemberId).Set(Pin);
        await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.StoredValue(cardNo, 3_000))));
        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.StoredValue(cardNo, 3_000)) with { PaymentPin = Pin });

        Assert.Equal(7_000, receipt.StoredValueBalance);
        Assert.Equal(7_000, await Client.Balance(cardNo));
        Assert.DoesNotContain(Pin, (await fixture.Checkouts.Load(txnId))!.PlanJson ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_card_shown_a_member_without_a_pin_pays_as_before_and_one_with_a_pin_is_asked_for_it()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var first = TestIds.TxnId();
        await Client.Checkout(first).Commit(Shop.Commit(first, Shop.Basket(Shop.ByCard(cardNo), 1_000), Shop.StoredValue(cardNo, 1_000)));
        Assert.Equal(9_000, await Client.Balance(cardNo));

        await Pins(member.MemberId).Set(Pin);
        var second = TestIds.TxnId();
        var request = Shop.Commit(second, Shop.Basket(Shop.ByCard(cardNo), 1_000), Shop.StoredValue(cardNo, 1_000));
        await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(second).Commit(request));
        await Client.Checkout(second).Commit(request with { PaymentPin = Pin });

        Assert.Equal(8_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task An_app_code_counts_as_the_member_in_hand_and_a_phone_number_does_not()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var byPhone = TestIds.TxnId();
        await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(byPhone).Commit(
            Shop.Commit(byPhone, Shop.Basket(new MemberRef(null, null, member.Profile.Phone, null), 2_000), Shop.StoredValue(cardNo, 2_000))));

        var byAppCode = TestIds.TxnId();
        var shownInApp = new MemberRef(null, member.MemberId, null, null, AppCodeShown: true);
        await Client.Checkout(byAppCode).Commit(Shop.Commit(byAppCode, Shop.Basket(shownInApp, 2_000), Shop.StoredValue(cardNo, 2_000)));

        Assert.Equal(8_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task Five_wrong_pins_lock_it_even_against_the_right_one_until_the_lock_ends_and_nothing_is_paid_meanwhile()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        await Pins(member.MemberId).Set(Pin);
        Task<Receipt> Pay(string pin)
        {
            var txnId = TestIds.TxnId();
            return Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 500), Shop.StoredValue(cardNo, 500)) with { PaymentPin = pin });
        }

        for (var i = 0; i < 4; i++)
        {
            var wrong = await Expect.Refusal(ErrorCodes.StoredValuePinWrong, () => Pay("135792"));
            Assert.Contains($"{4 - i} more wrong", wrong.Message, StringComparison.Ordinal);
        }
        await Expect.Refusal(ErrorCodes.StoredValuePinLocked, () => Pay("135792"));
        await Expect.Refusal(ErrorCodes.StoredValuePinLocked, () => Pay(Pin));
        Assert.Equal(10_000, await Client.Balance(cardNo));
        Assert.NotNull((await Pins(member.MemberId).Status()).LockedUntil);

        // A week on, past the 24-hour lock, on the same weekday (so the basket costs the same).
        fixture.Clock.Travel(TimeSpan.FromDays(7));
        await Pay(Pin);
        Assert.Equal(9_500, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task Guesses_racing_from_forty_lanes_get_no_more_tries_than_one_lane_would()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        await Pins(member.MemberId).Set(Pin);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var txnId = TestIds.TxnId();
            var guess = (100_000 + (i * 7_919)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 500), Shop.StoredValue(cardNo, 500)) with { PaymentPin = guess });
                return "paid";
            }
            catch (LoyaltyException refusal)
            {
                return refusal.Code;
            }
        }));

        Assert.Equal(4, guesses.Count(code => code == ErrorCodes.StoredValuePinWrong));
        Assert.Equal(36, guesses.Count(code => code == ErrorCodes.StoredValuePinLocked));
        Assert.Equal(10_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_stored_value_tender_without_a_card_pays_from_the_shown_card_first_then_the_members_others()
    {
        var member = await Client.NewMember();
        var older = await Client.NewCard(member.MemberId, 3_000);
        var shown = await Client.NewCard(member.MemberId, 5_000);
        var txnId = TestIds.TxnId();

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(shown), 6_500),
            new Tender(TenderKinds.StoredValue, 6_000, null), Shop.Cash(500)));

        Assert.Equal(0, await Client.Balance(shown));
        Assert.Equal(2_000, await Client.Balance(older));
        Assert.Equal(2_000, receipt.StoredValueBalance);
        Assert.Equal(-5_000, Assert.Single(fixture.Ledger.ForCard(shown), e => e.Kind == LedgerKind.StoredValueSpent).Amount);
        Assert.Equal(-1_000, Assert.Single(fixture.Ledger.ForCard(older), e => e.Kind == LedgerKind.StoredValueSpent).Amount);
    }

    [Fact]
    public async Task A_stored_value_tender_without_a_card_beyond_the_members_cards_is_refused_whole()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 3_000);
        var txnId = TestIds.TxnId();

        await Expect.Refusal(ErrorCodes.StoredValueInsufficient, () => Client.Checkout(txnId).Commit(
            Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 4_000), new Tender(TenderKinds.StoredValue, 4_000, null))));

        Assert.Equal(3_000, await Client.Balance(cardNo));
        Assert.Null(fixture.Checkouts.StatusOf(txnId));
    }

    [Fact]
    public async Task An_anonymous_basket_paying_with_a_members_card_needs_that_members_pin()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 5_000);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(null, 1_000), Shop.StoredValue(cardNo, 1_000));

        await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(txnId).Commit(request));
        await Pins(member.MemberId).Set(Pin);
        await Client.Checkout(txnId).Commit(request with { PaymentPin = Pin });

        Assert.Equal(4_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task A_retry_of_a_committed_sale_gets_its_receipt_whatever_pin_it_carries()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 5_000);
        await Pins(member.MemberId).Set(Pin);
        var txnId = TestIds.TxnId();
        var request = Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 1_000), Shop.StoredValue(cardNo, 1_000));

        var first = await Client.Checkout(txnId).Commit(request with { PaymentPin = Pin });
        var again = await Client.Checkout(txnId).Commit(request);

        Assert.Equal(first.TxnId, again.TxnId);
        Assert.Equal(4_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task An_app_code_pays_one_sale_from_stored_value_and_the_next_needs_a_fresh_code_or_the_pin()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var code = new MemberRef(null, null, null, fixture.Codes.Issue(member.MemberId, fixture.Clock.GetUtcNow()).Code);
        var first = TestIds.TxnId();
        var firstSale = Shop.Commit(first, Shop.Basket(code, 1_000), new Tender(TenderKinds.StoredValue, 1_000, null));

        await Client.Checkout(first).Commit(firstSale);
        var again = TestIds.TxnId();
        var reused = await Expect.Refusal(ErrorCodes.StoredValuePinRequired, () => Client.Checkout(again).Commit(
            Shop.Commit(again, Shop.Basket(code, 2_000), new Tender(TenderKinds.StoredValue, 2_000, null))));
        var retried = await Client.Checkout(first).Commit(firstSale);
        var cash = TestIds.TxnId();
        await Client.Checkout(cash).Commit(Shop.Commit(cash, Shop.Basket(code, 500), Shop.Cash(500)));

        Assert.Contains("already paid", reused.Message, StringComparison.Ordinal);
        Assert.Equal(StoredValuePinStates.ShowCard, (await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(code, 2_000))).Member!.StoredValuePin!.State);
        Assert.Equal(first, retried.TxnId);
        Assert.Equal(9_000, await Client.Balance(cardNo));

        fixture.Clock.Travel(TimeSpan.FromMinutes(1));
        var fresh = new MemberRef(null, null, null, fixture.Codes.Issue(member.MemberId, fixture.Clock.GetUtcNow()).Code);
        var next = TestIds.TxnId();
        await Client.Checkout(next).Commit(Shop.Commit(next, Shop.Basket(fresh, 2_000), new Tender(TenderKinds.StoredValue, 2_000, null)));
        await Pins(member.MemberId).Set(Pin);
        var withPin = TestIds.TxnId();
        await Client.Checkout(withPin).Commit(Shop.Commit(withPin, Shop.Basket(code, 500), new Tender(TenderKinds.StoredValue, 500, null)) with { PaymentPin = Pin });

        Assert.Equal(6_500, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task Twenty_lanes_racing_one_photographed_code_pay_one_sale_between_them()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 100_000);
        var code = new MemberRef(null, null, null, fixture.Codes.Issue(member.MemberId, fixture.Clock.GetUtcNow()).Code);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var txnId = TestIds.TxnId();
            try
            {
                await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(code, 1_000), new Tender(TenderKinds.StoredValue, 1_000, null)));
                return "paid";
            }
            catch (LoyaltyException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "paid"));
        Assert.Equal(19, outcomes.Count(o => o == ErrorCodes.StoredValuePinRequired));
        Assert.Equal(99_000, await Client.Balance(cardNo));
    }

    [Fact]
    public async Task The_quote_tells_the_lane_before_the_pay_whether_stored_value_will_take_the_pin()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var byPhone = new MemberRef(null, null, member.Profile.Phone, null);
        Task<Quote> Quote(MemberRef shopper) => Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(shopper, 1_000));

        Assert.Equal(StoredValuePinStates.None, (await Quote(Shop.ByCard(cardNo))).Member!.StoredValuePin!.State);
        Assert.Equal(StoredValuePinStates.ShowCard, (await Quote(byPhone)).Member!.StoredValuePin!.State);

        await Pins(member.MemberId).Set(Pin);
        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.Needed, 0), (await Quote(Shop.ByCard(cardNo))).Member!.StoredValuePin);
        Assert.Equal(StoredValuePinStates.Needed, (await Quote(byPhone)).Member!.StoredValuePin!.State);

        for (var i = 0; i < 5; i++)
        {
            await Pins(member.MemberId).Check("135792");
        }
        var locked = (await Quote(Shop.ByCard(cardNo))).Member!.StoredValuePin!;
        Assert.Equal(StoredValuePinStates.Locked, locked.State);
        Assert.Equal((await Pins(member.MemberId).Status()).LockedUntil, locked.LockedUntil);
    }

    [Fact]
    public async Task A_member_who_never_set_a_pin_is_quoted_and_pays_by_card_without_their_pin_grain_being_woken()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var basket = Shop.Basket(Shop.ByCard(cardNo), 3_000);
        var byPhone = Shop.Basket(new MemberRef(null, null, member.Profile.Phone, null), 1_000);

        var hint = (await Client.GetGrain<IPricingGrain>(0).Quote(basket)).Member!.StoredValuePin!;
        var paid = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Committer>()
            .Commit(Shop.Commit(TestIds.TxnId(), basket, Shop.StoredValue(cardNo, 3_000)));
        var phoneTxn = TestIds.TxnId();
        await Expect.Refusal(ErrorCodes.StoredValuePinRequired,
            () => Client.Checkout(phoneTxn).Commit(Shop.Commit(phoneTxn, byPhone, Shop.StoredValue(cardNo, 1_000))));

        Assert.Equal(StoredValuePinStates.None, hint.State);
        Assert.Equal(7_000, paid.StoredValueBalance);
        var pinGrain = Pins(member.MemberId).GetGrainId();
        Assert.DoesNotContain(fixture.Cluster.Silos, silo =>
            silo.ServiceProvider.GetRequiredService<ILocalActivationStatusChecker>().IsLocallyActivated(pinGrain));
    }

    [Fact]
    public async Task A_member_from_before_the_pin_flag_is_learnt_to_have_none_at_a_quote_and_keeps_it_across_activations()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        await StoreAsBeforeThePinFlag(member.MemberId);
        var basket = Shop.Basket(Shop.ByCard(cardNo), 3_000);
        Assert.Null((await Client.Member(member.MemberId).GetPricingView())!.PaymentPinSet);

        Assert.Equal(StoredValuePinStates.None, (await Client.GetGrain<IPricingGrain>(0).Quote(basket)).Member!.StoredValuePin!.State);
        await Eventually.Until(() => Client.Member(member.MemberId).GetPricingView(), v => v!.PaymentPinSet == false, "the member learnt to have no PIN");
        var txnId = TestIds.TxnId();
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.StoredValue(cardNo, 3_000)));
        await Deactivate(Client.Member(member.MemberId));

        Assert.False((await Client.Member(member.MemberId).GetPricingView())!.PaymentPinSet);
        await Pins(member.MemberId).Set(Pin);
        Assert.True((await Client.Member(member.MemberId).GetPricingView())!.PaymentPinSet);
        Assert.Equal(StoredValuePinStates.Needed, (await Client.GetGrain<IPricingGrain>(0).Quote(basket)).Member!.StoredValuePin!.State);
    }

    [Fact]
    public async Task A_member_from_before_the_pin_flag_who_has_a_pin_is_never_learnt_to_have_none()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        await Pins(member.MemberId).Set(Pin);
        await StoreAsBeforeThePinFlag(member.MemberId);
        // The quote below wakes the PIN grain afresh, holding the PIN, as it would for such a member after a restart.
        await Deactivate(Pins(member.MemberId));

        var hint = (await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ByCard(cardNo), 3_000))).Member!.StoredValuePin!;

        Assert.Equal(StoredValuePinStates.Needed, hint.State);
        Assert.Null((await Client.Member(member.MemberId).GetPricingView())!.PaymentPinSet);
    }

    /// <summary>The member's stored state as written before <c>PaymentPinSet</c> existed (unknown), in a fresh activation.</summary>
    private async Task StoreAsBeforeThePinFlag(string memberId)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("loyalty");
        var stored = new GrainState<MemberState>(new MemberState());
        var grainId = Client.Member(memberId).GetGrainId();
        await storage.ReadStateAsync("member", grainId, stored);
        stored.State!.PaymentPinSet = null;
        await storage.WriteStateAsync("member", grainId, stored);
        await Deactivate(Client.Member(memberId));
    }

    private static ValueTask Deactivate(IAddressable grain) => grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();

    [Fact]
    public async Task A_member_without_stored_value_gets_no_pin_hint_and_a_receipt_never_carries_one()
    {
        var member = await Client.NewMember();
        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ById(member.MemberId), 1_000));
        Assert.Null(quote.Member!.StoredValuePin);

        var cardNo = await Client.NewCard(member.MemberId, 10_000);
        var txnId = TestIds.TxnId();
        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 1_000), Shop.StoredValue(cardNo, 1_000)));
        Assert.Null(receipt.Member!.StoredValuePin);
    }

    private IPaymentPinGrain Pins(string memberId) => Client.GetGrain<IPaymentPinGrain>(memberId);
}

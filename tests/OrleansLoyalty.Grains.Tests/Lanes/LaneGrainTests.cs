using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Domain.Payments;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Tests.Lanes;

[Collection(ClusterCollection.Name)]
public sealed class LaneGrainTests(LoyaltyClusterFixture fixture)
{
    private const string StoreId = "lanes-t1";
    private const string Rice = "6920174726117";
    private const long RicePrice = 5990;
    private const string Milk = "6901234567892";
    private const long MilkPrice = 1250;
    private const string Banana = "2000001";

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_member_swipes_scans_uses_a_coupon_and_pays_and_the_receipt_adds_up()
    {
        var (memberId, cardNo, coupon) = await NewMemberWithCard();
        var lane = Lane();

        var swiped = await Apply(lane, Card(cardNo));
        Assert.Equal("standard", swiped.Display!.Member!.Tier);
        Assert.Equal(100, swiped.Display.Member.PointsBalance);
        await Apply(lane, Scan(Rice));
        var scanned = await Apply(lane, Scan(Milk, qty: 2));
        Assert.Equal(RicePrice + (2 * MilkPrice), scanned.Display!.Total);

        var couponEvent = Event(LaneEventKind.Coupon) with { CouponCode = coupon };
        var withCoupon = await Apply(lane, couponEvent);
        Assert.Equal(RicePrice + (2 * MilkPrice) - 1000, withCoupon.Display!.Total);
        Assert.Contains(withCoupon.Display.Discounts, d => d.Kind == "coupon" && d.Amount == 1000);
        AssertSameAnswer(withCoupon, await lane.Apply(couponEvent));
        Assert.Equal("coupon.already_in_basket", (await Apply(lane, couponEvent with { EventId = NewId() })).Refusal!.Code);

        var unknown = await Apply(lane, Scan("0000000000000"));
        Assert.Equal(ErrorCodes.CatalogUnknownItem, unknown.Refusal!.Code);
        Assert.Equal(withCoupon.Display.Total, (await lane.GetDisplay()).Total);

        var total = withCoupon.Display.Total;
        var pay = Pay(TestIds.TxnId(), total);
        var paid = await Apply(lane, pay);
        Assert.Equal(total, paid.Receipt!.Total);
        Assert.Equal(total / 100, paid.Receipt.PointsEarned);
        Assert.Equal(coupon, Assert.Single(paid.Receipt.CouponsRedeemed));
        Assert.Empty(paid.Display!.Lines);
        Assert.NotEqual(withCoupon.Display.SessionId, paid.Display.SessionId);

        AssertSameAnswer(paid, await lane.Apply(pay));
        Assert.Equal(100 + (total / 100), await Client.Points(memberId));
    }

    [Fact]
    public async Task Events_repeated_after_later_ones_have_no_second_effect_and_get_their_answers_again()
    {
        var (memberId, cardNo, _) = await NewMemberWithCard();
        var lane = Lane();
        await Apply(lane, Card(cardNo));
        var rice = Scan(Rice);
        await Apply(lane, rice);
        var unknown = Scan("0000000000000");
        var refused = await Apply(lane, unknown);
        await Apply(lane, Scan(Milk));
        var pay = Pay(TestIds.TxnId(), RicePrice + MilkPrice);
        var paid = await Apply(lane, pay);
        var giveBack = Event(LaneEventKind.Return) with
        {
            TxnId = TestIds.TxnId(),
            OriginalTxnId = pay.TxnId,
            ReturnLines = [new LaneReturnLine { LineId = "2", Qty = 1 }],
        };
        var returned = await Apply(lane, giveBack);
        var pointsAfter = await Client.Points(memberId);
        var next = await Apply(lane, Scan(Milk, qty: 3));

        // A gateway restarted mid-stream sends what it had not confirmed again, however old.
        AssertSameAnswer(next, await lane.Apply(rice));
        AssertSameAnswer(refused, await lane.Apply(unknown));
        var payAgain = await lane.Apply(pay);
        Assert.Equal(JsonSerializer.Serialize(paid.Receipt), JsonSerializer.Serialize(payAgain.Receipt));
        Assert.Equal(next.Display!.Total, payAgain.Display!.Total);
        var returnAgain = await lane.Apply(giveBack);
        Assert.Equal(JsonSerializer.Serialize(returned.Receipt), JsonSerializer.Serialize(returnAgain.Receipt));

        Assert.Equal(3 * MilkPrice, (await lane.GetDisplay()).Total);
        Assert.Equal(pointsAfter, await Client.Points(memberId));
    }

    [Fact]
    public async Task A_pay_refused_because_the_coupon_went_at_another_lane_shows_the_new_total_and_the_new_total_pays()
    {
        var (memberId, cardNo, coupon) = await NewMemberWithCard();
        var here = Lane();
        var there = Lane();
        foreach (var lane in new[] { here, there })
        {
            await Apply(lane, Card(cardNo));
            await Apply(lane, Scan(Rice));
            Assert.Equal(RicePrice - 1000, (await Apply(lane, Event(LaneEventKind.Coupon) with { CouponCode = coupon })).Display!.Total);
        }
        Assert.NotNull((await Apply(there, Pay(TestIds.TxnId(), RicePrice - 1000))).Receipt);

        var refused = await Apply(here, Pay(TestIds.TxnId(), RicePrice - 1000));

        Assert.NotNull(refused.Refusal);
        Assert.Null(refused.Receipt);
        Assert.Equal(RicePrice, refused.Display!.Total);
        Assert.Equal(RicePrice, (await here.GetDisplay()).Total);
        var paid = await Apply(here, Pay(TestIds.TxnId(), RicePrice));
        Assert.Equal(RicePrice, paid.Receipt!.Total);
        Assert.Empty(paid.Receipt.CouponsRedeemed);
        Assert.Equal(100 + ((RicePrice - 1000) / 100) + (RicePrice / 100), await Client.Points(memberId));
    }

    [Fact]
    public async Task A_pay_with_the_wrong_amount_is_refused_without_a_new_display()
    {
        var lane = Lane();
        await Apply(lane, Scan(Milk));

        var refused = await Apply(lane, Pay(TestIds.TxnId(), MilkPrice - 1));

        Assert.Equal(ErrorCodes.TendersMismatch, refused.Refusal!.Code);
        Assert.Null(refused.Display);
        Assert.Equal(MilkPrice, (await Apply(lane, Pay(TestIds.TxnId(), MilkPrice))).Receipt!.Total);
    }

    [Fact]
    public async Task A_lost_card_is_refused_and_the_session_goes_on()
    {
        var (_, cardNo, _) = await NewMemberWithCard();
        await Client.Card(cardNo).ReportLost(StoreId);
        var lane = Lane();

        var refused = await Apply(lane, Card(cardNo));
        Assert.Equal(ErrorCodes.CardLost, refused.Refusal!.Code);
        var scanned = await Apply(lane, Scan(Banana, grams: 1500));
        Assert.Null(scanned.Display!.Member);
        Assert.Equal(Catalog.WeighedPrice(698, 1500), scanned.Display.Total);
    }

    [Fact]
    public async Task The_app_code_identifies_the_member_for_the_whole_basket_and_a_replay_is_judged_by_when_it_was_shown()
    {
        var (memberId, _, _) = await NewMemberWithCard();
        var now = fixture.Clock.GetUtcNow();
        var lane = Lane();

        var shown = await Apply(lane, Qr(fixture.Codes.Issue(memberId, now).Code, now));
        await Apply(lane, Scan(Rice));
        // The basket outlives the code: the pay is the member's all the same.
        fixture.Clock.Travel(TimeSpan.FromMinutes(30));
        try
        {
            Assert.Equal(100, shown.Display!.Member!.PointsBalance);
            Assert.NotNull((await Apply(lane, Pay(TestIds.TxnId(), RicePrice))).Receipt);
            Assert.Equal(100 + (RicePrice / 100), await Client.Points(memberId));

            // An offline sale replayed half an hour later shows a code that was good when the device read it.
            var replayed = await Apply(Lane(), Qr(fixture.Codes.Issue(memberId, now).Code, now));
            Assert.NotNull(replayed.Display!.Member);

            // Read now, that code is stale, and a code with one digit changed is nobody's.
            var later = fixture.Clock.GetUtcNow();
            var stale = await Apply(Lane(), Qr(fixture.Codes.Issue(memberId, now).Code, later));
            Assert.Equal(ErrorCodes.MemberCodeExpired, stale.Refusal!.Code);
            var code = fixture.Codes.Issue(memberId, later).Code;
            var forged = code[..^1] + (char)('0' + ((code[^1] - '0' + 1) % 10));
            var refusedLane = Lane();
            Assert.Equal(ErrorCodes.MemberCodeInvalid, (await Apply(refusedLane, Qr(forged, later))).Refusal!.Code);
            Assert.Null((await Apply(refusedLane, Scan(Milk))).Display!.Member);
        }
        finally
        {
            fixture.Clock.Travel(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_card_reported_lost_mid_basket_lets_the_scanning_go_on_and_refuses_the_pay()
    {
        var (memberId, cardNo, _) = await NewMemberWithCard();
        var lane = Lane();
        await Apply(lane, Card(cardNo));
        await Apply(lane, Scan(Rice));

        await Client.Card(cardNo).ReportLost(StoreId);
        var scanned = await Apply(lane, Scan(Milk));
        var pay = await Apply(lane, Pay(TestIds.TxnId(), RicePrice + MilkPrice));

        Assert.Equal(RicePrice + MilkPrice, scanned.Display!.Total);
        Assert.Equal(ErrorCodes.CardLost, pay.Refusal!.Code);
        Assert.Null(pay.Receipt);
        Assert.Equal(100, await Client.Points(memberId));
    }

    [Fact]
    public async Task A_sale_accepted_offline_is_settled_at_the_cluster_price_and_earns_points()
    {
        var (memberId, cardNo, _) = await NewMemberWithCard();
        var lane = Lane();
        await Apply(lane, Card(cardNo));
        await Apply(lane, Scan(Rice));
        const long paidOffline = RicePrice + 10;

        var txnId = TestIds.TxnId();
        var settled = await Apply(lane, Pay(txnId, paidOffline) with
        {
            OfflineSale = new LaneOfflineSale { Total = paidOffline, AcceptedAt = LoyaltyClusterFixture.Start },
        });

        Assert.Equal(RicePrice, settled.Receipt!.Total);
        Assert.Equal(RicePrice, settled.Receipt.Tenders.Sum(t => t.Amount));
        Assert.Contains(settled.Receipt.Messages, m => m.Contains("Offline sale settled", StringComparison.Ordinal));
        Assert.Equal(100 + (RicePrice / 100), await Client.Points(memberId));
    }

    [Fact]
    public async Task Goods_sold_offline_that_the_cluster_does_not_know_keep_their_offline_price()
    {
        var lane = Lane();
        var replayedScan = Scan("6999999999999", qty: 2) with
        {
            OfflineItem = new LaneOfflineItem { Sku = "GONE-1", UnitPrice = 450, CategoryPath = ["食品", "零食"] },
        };

        var scanned = await Apply(lane, replayedScan);
        Assert.Equal(900, scanned.Display!.Total);
        var settled = await Apply(lane, Pay(TestIds.TxnId(), 900) with
        {
            OfflineSale = new LaneOfflineSale { Total = 900, AcceptedAt = LoyaltyClusterFixture.Start },
        });
        Assert.Equal(900, settled.Receipt!.Total);
        Assert.Equal("GONE-1", Assert.Single(settled.Receipt.Lines).Sku);
    }

    [Fact]
    public async Task Stored_value_pays_from_the_members_cards_by_app_code_without_a_pin_and_by_phone_only_with_it()
    {
        var (memberId, cardNo, _) = await NewMemberWithCard();
        await Client.Card(cardNo).TopUp(TestIds.TxnId(), 20_000, "cash", Shop.StoreId);
        var phone = (await Client.Member(memberId).Get())!.Profile.Phone;
        var now = fixture.Clock.GetUtcNow();

        var byCode = Lane();
        var code = fixture.Codes.Issue(memberId, now).Code;
        var shown = await Apply(byCode, Qr(code, now));
        Assert.Equal(StoredValuePinStates.None, shown.Display!.Member!.StoredValuePin!.State);
        await Apply(byCode, Scan(Milk));
        var paidByCode = await Apply(byCode, StoredValuePay(TestIds.TxnId(), MilkPrice, pin: null));
        Assert.Equal(20_000 - MilkPrice, paidByCode.Receipt!.StoredValueBalance);
        // The same code at another lane (a photo of the member's screen) pays no second sale.
        var elsewhere = Lane();
        await Apply(elsewhere, Qr(code, now));
        await Apply(elsewhere, Scan(Milk));
        Assert.Equal(ErrorCodes.StoredValuePinRequired, (await Apply(elsewhere, StoredValuePay(TestIds.TxnId(), MilkPrice, pin: null))).Refusal!.Code);

        var byPhone = Lane();
        var told = await Apply(byPhone, Event(LaneEventKind.Phone) with { Phone = phone });
        Assert.Equal(StoredValuePinStates.ShowCard, told.Display!.Member!.StoredValuePin!.State);
        await Apply(byPhone, Scan(Milk));
        var txnId = TestIds.TxnId();
        var refused = await Apply(byPhone, StoredValuePay(txnId, MilkPrice, pin: null));
        Assert.Equal(ErrorCodes.StoredValuePinRequired, refused.Refusal!.Code);
        await Client.GetGrain<IPaymentPinGrain>(memberId).Set("740319");
        var paidByPhone = await Apply(byPhone, StoredValuePay(txnId, MilkPrice, pin: "740319"));

        Assert.Equal(20_000 - (2 * MilkPrice), paidByPhone.Receipt!.StoredValueBalance);
        Assert.Equal(20_000 - (2 * MilkPrice), await Client.Balance(cardNo));
    }

    [Fact]
    public async Task Removing_a_line_that_is_not_there_is_refused_and_voiding_starts_afresh()
    {
        var lane = Lane();
        await Apply(lane, Scan(Milk));
        Assert.Equal("basket.no_such_line", (await Apply(lane, Event(LaneEventKind.RemoveLine) with { LineId = "99" })).Refusal!.Code);
        var removed = await Apply(lane, Event(LaneEventKind.RemoveLine) with { LineId = "1" });
        Assert.Empty(removed.Display!.Lines);
        await Apply(lane, Scan(Rice));
        var voided = await Apply(lane, Event(LaneEventKind.Void));
        Assert.Empty(voided.Display!.Lines);
        Assert.Equal(0, voided.Display.Total);
    }

    private ILaneGrain Lane()
    {
        fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<PricingEngines>().ReplaceCatalog(StoreId, new Catalog(
        [
            new Product("RICE5", Rice, "五常大米 5kg", ["食品", "粮油"], RicePrice, false),
            new Product("MILK1L", Milk, "光明纯牛奶 1L", ["食品", "乳制品"], MilkPrice, false),
            new Product("BANANA", Banana, "香蕉", ["生鲜", "水果"], 698, true),
        ]));
        return Client.GetGrain<ILaneGrain>(LaneKeys.Of(StoreId, NewId()[..8]));
    }

    private async Task<(string MemberId, string CardNo, string Coupon)> NewMemberWithCard()
    {
        var registration = await Client.Directory().Register(Shop.Registration(TestIds.Phone()));
        var cardNo = await Client.NewCard(registration.Member.MemberId);
        return (registration.Member.MemberId, cardNo, Assert.Single(registration.GiftCoupons));
    }

    private static async Task<LaneOutcome> Apply(ILaneGrain lane, LaneEvent laneEvent) => await lane.Apply(laneEvent);

    private static void AssertSameAnswer(LaneOutcome first, LaneOutcome again) =>
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static LaneEvent Event(LaneEventKind kind) => new()
    {
        StoreId = StoreId,
        LaneId = "01",
        EventId = NewId(),
        Kind = kind,
        At = LoyaltyClusterFixture.Start,
    };

    private static LaneEvent Card(string cardNo) => Event(LaneEventKind.Card) with { CardNo = cardNo, Medium = "ic" };

    private static LaneEvent Qr(string code, DateTimeOffset shownAt) =>
        Event(LaneEventKind.Card) with { CardNo = code, Medium = "qr", At = shownAt };

    private static LaneEvent Scan(string barcode, int qty = 1, int? grams = null) =>
        Event(LaneEventKind.Scan) with { Barcode = barcode, Qty = grams is null ? qty : null, WeightGrams = grams };

    /// <summary>A pay from the member's own cards (no card number: the POS knows only the member), with the PIN if the cashier asked for it.</summary>
    private static LaneEvent StoredValuePay(string txnId, long amount, string? pin) =>
        Event(LaneEventKind.Pay) with { TxnId = txnId, Tenders = [new LaneTender { Kind = "storedValue", Amount = amount }], PaymentPin = pin };

    private static LaneEvent Pay(string txnId, long amount) =>
        Event(LaneEventKind.Pay) with { TxnId = txnId, Tenders = [new LaneTender { Kind = "cash", Amount = amount }] };
}

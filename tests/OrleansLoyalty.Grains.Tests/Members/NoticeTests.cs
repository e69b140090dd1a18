using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.SignIn;
using OrleansLoyalty.Grains.Tests.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Members;

/// <summary>
/// The reminders members get through the outbox (docs/notices.md), driven by the fake clock and the daily review
/// reminder. Each test travels to years of its own and comes back afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NoticeTests(LoyaltyClusterFixture fixture) : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly NoticeOptions Defaults = new();

    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    private IClusterClient Client => fixture.Client;

    private void MoveTo(int year, int month, int day, int hour = 10, int minute = 0) =>
        fixture.Clock.Travel(new DateTimeOffset(year, month, day, hour, minute, 0, Shanghai) - fixture.Clock.Base);

    private void MoveTo(DateOnly day) => MoveTo(day.Year, day.Month, day.Day);

    private async Task<MemberSnapshot> Register(DateOnly? birthday = null, bool consent = false) =>
        (await Client.Directory().Register(new RegisterMember(
            new MemberProfile(TestIds.Phone(), "提醒", birthday, BirthdayCalendar.Gregorian, null, null, consent), Shop.StoreId, "app", null))).Member;

    private Task Buy(string memberId, long amount) => Pay(Shop.ById(memberId), amount, Shop.Cash);

    private Task PayByCard(string cardNo, long amount) => Pay(Shop.ByCard(cardNo), amount, total => Shop.StoredValue(cardNo, total));

    /// <summary>A one-line sale paid with what the lane is quoted (member day and tier discounts change it on some dates).</summary>
    private async Task Pay(MemberRef member, long amount, Func<long, Tender> tender)
    {
        var txnId = TestIds.TxnId();
        var basket = Shop.Basket(member, amount);
        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(basket);
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, tender(quote.Total)));
    }

    /// <summary>What the silo's daily reminder does for a member who does not shop.</summary>
    private Task DailyReview(string memberId) =>
        Client.Member(memberId).AsReference<IRemindable>().ReceiveReminder("daily-review", default);

    private IReadOnlyList<OutboxMessage> Messages(string memberId) => fixture.Outbox.For(memberId);

    private T Values<T>(OutboxMessage message) =>
        NotificationValues.Read<T>(fixture.Protector.Decrypt(message.ProtectedPayload));

    [Fact]
    public async Task Points_about_to_expire_are_told_once_thirty_days_before_to_the_members_phone()
    {
        MoveTo(2040, 3, 1);
        var member = await Register();
        await Buy(member.MemberId, 5_000);

        MoveTo(2041, 11, 30);
        await DailyReview(member.MemberId);
        Assert.Empty(Messages(member.MemberId));
        MoveTo(2041, 12, 1);
        await DailyReview(member.MemberId);
        await Buy(member.MemberId, 100);
        MoveTo(2041, 12, 2);
        await DailyReview(member.MemberId);

        var message = Assert.Single(Messages(member.MemberId));
        Assert.Equal(NotificationTemplates.PointsExpiring, message.Template);
        Assert.Equal(member.Profile.Phone, fixture.Protector.Decrypt(message.ProtectedRecipient));
        Assert.Equal(new PointsExpiringValues(150, new DateOnly(2041, 12, 31)), Values<PointsExpiringValues>(message));
        Assert.Equal(new DateTimeOffset(2041, 12, 1, 10, 0, 0, Shanghai), message.NotBefore);
        Assert.Contains("150 积分将于 2041年12月31日 到期", NotificationText.Render(message.Template, fixture.Protector.Decrypt(message.ProtectedPayload)));
    }

    [Fact]
    public async Task A_purchase_queues_what_is_due_with_its_own_write_and_a_quote_does_not()
    {
        MoveTo(2052, 2, 1);
        var member = await Register();
        await Buy(member.MemberId, 5_000);

        MoveTo(2053, 12, 10);
        await Client.GetGrain<IPricingGrain>(0).Quote(Shop.Basket(Shop.ById(member.MemberId), 100));
        Assert.Empty(Messages(member.MemberId));
        await Buy(member.MemberId, 100);

        var message = Assert.Single(Messages(member.MemberId));
        Assert.Equal(NotificationTemplates.PointsExpiring, message.Template);
    }

    [Fact]
    public async Task A_reminder_made_in_the_quiet_hours_waits_until_nine_in_the_morning()
    {
        MoveTo(2050, 6, 1);
        var member = await Register();
        await Buy(member.MemberId, 5_000);

        MoveTo(2051, 12, 5, hour: 22, minute: 30);
        await DailyReview(member.MemberId);

        var message = Assert.Single(Messages(member.MemberId));
        Assert.Equal(new DateTimeOffset(2051, 12, 6, 9, 0, 0, Shanghai), message.NotBefore);
        Assert.Equal(message.NotBefore + Defaults.Lifetime, message.ExpiresAt);
    }

    [Fact]
    public async Task We_miss_you_needs_marketing_consent_and_is_not_sent_to_someone_shopping_now()
    {
        MoveTo(2043, 1, 10);
        var consenting = await Register(consent: true);
        var silent = await Register(consent: false);
        var shopping = await Register(consent: true);
        foreach (var m in new[] { consenting, silent, shopping })
        {
            await Buy(m.MemberId, 1_000);
        }

        var lastPurchase = new DateOnly(2043, 1, 10);
        MoveTo(lastPurchase.AddDays(Defaults.InactiveAfterDays - 1));
        await DailyReview(consenting.MemberId);
        Assert.Empty(Messages(consenting.MemberId));
        MoveTo(lastPurchase.AddDays(Defaults.InactiveAfterDays));
        await DailyReview(consenting.MemberId);
        await DailyReview(silent.MemberId);
        await Buy(shopping.MemberId, 1_000);

        var message = Assert.Single(Messages(consenting.MemberId));
        Assert.Equal(NotificationTemplates.Inactive, message.Template);
        Assert.Equal(10, Values<InactiveValues>(message).Points - 100);
        Assert.Empty(Messages(silent.MemberId));
        Assert.Empty(Messages(shopping.MemberId));
    }

    [Fact]
    public async Task A_quiet_member_with_no_points_left_is_welcomed_back_without_a_points_figure()
    {
        MoveTo(2043, 1, 10);
        var member = await Register(consent: true);
        await Buy(member.MemberId, 1_000);
        var points = (await Client.Member(member.MemberId).Get())!.PointsBalance;
        var gift = new CouponTemplate(TestIds.TxnId(), "积分换购礼品", CouponKind.Gift, 0, 0, 0, ["食品"], [], 30, null, null, false, null, null,
            PointsPrice: points);
        await Client.Member(member.MemberId).ExchangePoints(TestIds.TxnId(), gift, Shop.StoreId);

        MoveTo(new DateOnly(2043, 1, 10).AddDays(Defaults.InactiveAfterDays));
        await DailyReview(member.MemberId);
        await DailyReview(member.MemberId);

        var message = Assert.Single(Messages(member.MemberId));
        Assert.Equal(NotificationTemplates.WelcomeBack, message.Template);
        var values = fixture.Protector.Decrypt(message.ProtectedPayload);
        Assert.DoesNotContain("积分", NotificationText.Render(message.Template, values));
        Assert.Empty(TemplateVariables.Of(message.Template, values));
    }

    [Fact]
    public async Task At_most_two_reminders_go_out_in_a_week_the_most_urgent_first_and_the_rest_later()
    {
        MoveTo(2044, 1, 5);
        var member = await Register(birthday: new DateOnly(1990, 12, 15), consent: true);
        await Buy(member.MemberId, 5_000);

        MoveTo(2045, 12, 1);
        await DailyReview(member.MemberId);
        Assert.Equal([NotificationTemplates.PointsExpiring, NotificationTemplates.BirthdayCoupon], Messages(member.MemberId).Select(m => m.Template));
        MoveTo(2045, 12, 7);
        await DailyReview(member.MemberId);
        Assert.Equal(2, Messages(member.MemberId).Count);
        MoveTo(2045, 12, 8);
        await DailyReview(member.MemberId);

        Assert.Equal(NotificationTemplates.Inactive, Messages(member.MemberId)[2].Template);
        Assert.Equal(new DateOnly(2045, 12, 31), Values<BirthdayCouponValues>(Messages(member.MemberId)[1]).ValidTo);
    }

    [Fact]
    public async Task A_sale_that_takes_stored_value_below_twenty_yuan_reminds_the_member_once_per_crossing()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, balance: 5_000);

        await PayByCard(cardNo, 1_000);
        await PayByCard(cardNo, 3_500);
        var first = await Eventually.Until(() => Task.FromResult(Messages(member.MemberId)), m => m.Count > 0, "the low-balance reminder");
        await PayByCard(cardNo, 200);
        await Client.Card(cardNo).TopUp(TestIds.TxnId(), 6_000, "cash", Shop.StoreId);
        await PayByCard(cardNo, 5_000);
        var both = await Eventually.Until(() => Task.FromResult(Messages(member.MemberId)), m => m.Count > 1, "the second crossing's reminder");

        Assert.Equal([NotificationTemplates.LowBalance, NotificationTemplates.LowBalance], both.Select(m => m.Template));
        Assert.Equal(new LowBalanceValues(500), Values<LowBalanceValues>(first[0]));
        Assert.Equal(new LowBalanceValues(1_300), Values<LowBalanceValues>(both[1]));
    }

    [Fact]
    public async Task A_reminder_wechat_will_not_take_goes_to_the_members_phone_once_after_the_quiet_hours_and_never_for_an_erased_member()
    {
        MoveTo(2046, 3, 2, hour: 22);
        var member = await Register();
        var values = NotificationValues.Write(new InactiveValues(110));
        var messageId = $"{member.MemberId}:member.inactive:2046-03-02";

        await Client.Member(member.MemberId).SendBySms(messageId, NotificationTemplates.Inactive, values);
        await Client.Member(member.MemberId).SendBySms(messageId, NotificationTemplates.Inactive, values);

        var moved = Assert.Single(fixture.Outbox.For(member.MemberId), m => m.MessageId == messageId + ":sms");
        Assert.Equal((NotificationChannels.Sms, member.Profile.Phone), (moved.Channel, fixture.Protector.Decrypt(moved.ProtectedRecipient)));
        Assert.Equal(110, Values<InactiveValues>(moved).Points);
        Assert.Equal(new DateTimeOffset(2046, 3, 3, 9, 0, 0, Shanghai), moved.NotBefore);

        var erased = await Register();
        await Client.Member(erased.MemberId).Erase();
        await Client.Member(erased.MemberId).SendBySms($"{erased.MemberId}:x", NotificationTemplates.Inactive, values);
        Assert.DoesNotContain(fixture.Outbox.For(erased.MemberId), m => m.MessageId.EndsWith(":sms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gold_member_who_will_not_qualify_is_told_a_month_before_the_review()
    {
        MoveTo(2046, 5, 10);
        var member = await Register();
        await Buy(member.MemberId, 800_000);

        MoveTo(2047, 4, 9);
        await DailyReview(member.MemberId);
        Assert.DoesNotContain(Messages(member.MemberId), m => m.Template == NotificationTemplates.TierDowngradeComing);
        MoveTo(2047, 4, 10);
        await DailyReview(member.MemberId);

        var message = Assert.Single(Messages(member.MemberId), m => m.Template == NotificationTemplates.TierDowngradeComing);
        var values = Values<TierDowngradeValues>(message);
        Assert.Equal(new DateOnly(2047, 5, 10), values.On);
        Assert.Equal(800_000, values.SpendToKeep);
        Assert.NotEqual(values.From, values.To);
    }
}

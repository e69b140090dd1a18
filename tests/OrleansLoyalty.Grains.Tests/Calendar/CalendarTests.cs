using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Tests.Support;

namespace OrleansLoyalty.Grains.Tests.Calendar;

/// <summary>
/// Year-end expiry of points lots and yearly tier review, driven by the fake clock. Each test travels to a
/// year of its own (so their members never meet) and comes back afterwards, so the other tests keep their date.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CalendarTests(LoyaltyClusterFixture fixture) : IDisposable
{
    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    private IClusterClient Client => fixture.Cluster.Client;

    private async Task<Receipt> Buy(string memberId, long amount)
    {
        // Pay what the lane is quoted: the member day and tier discounts change the total on some of these dates.
        var basket = Shop.Basket(Shop.ById(memberId), amount);
        var quote = await Client.GetGrain<IPricingGrain>(0).Quote(basket);
        var txnId = TestIds.TxnId();
        return await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.Cash(quote.Total)));
    }

    private void MoveTo(int year, int month, int day) =>
        fixture.Clock.Travel(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)) - fixture.Clock.Base);

    [Fact]
    public async Task Points_earned_in_a_year_last_until_the_end_of_the_next_year_and_then_expire_on_the_ledger()
    {
        MoveTo(2030, 3, 1);
        var member = await Client.NewMember();
        await Buy(member.MemberId, 5000);
        Assert.Equal(150, await Client.Points(member.MemberId));

        MoveTo(2031, 12, 31);
        var lastDay = await Buy(member.MemberId, 100);
        MoveTo(2032, 1, 1);
        var nextYear = await Buy(member.MemberId, 100);

        Assert.Equal(150 + lastDay.PointsEarned, lastDay.PointsBalance);
        Assert.Equal(lastDay.PointsEarned + nextYear.PointsEarned, nextYear.PointsBalance);
        var expiry = Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsExpired);
        Assert.Equal(-150, expiry.Points);
    }

    [Fact]
    public async Task A_member_who_no_longer_qualifies_drops_one_tier_a_year_on_the_anniversary()
    {
        MoveTo(2033, 5, 10);
        var member = await Client.NewMember();
        var gold = await Buy(member.MemberId, 800_000);
        Assert.Equal("gold", gold.Tier);

        MoveTo(2034, 5, 9);
        var beforeAnniversary = await Buy(member.MemberId, 100);
        MoveTo(2034, 5, 11);
        var afterFirst = await Buy(member.MemberId, 100);
        MoveTo(2035, 5, 11);
        var afterSecond = await Buy(member.MemberId, 100);

        Assert.Equal("gold", beforeAnniversary.Tier);
        Assert.Equal("silver", afterFirst.Tier);
        Assert.Equal("standard", afterSecond.Tier);
        // Each review's step down reaches the member's home store's dashboard.
        var changes = fixture.Events.Events.OfType<TierChanged>().Where(e => e.MemberId == member.MemberId).Select(e => (e.StoreId, e.From, e.To));
        Assert.Equal([(Shop.StoreId, "gold", "silver"), (Shop.StoreId, "silver", "standard")], changes);
    }

    [Fact]
    public async Task A_member_who_still_qualifies_keeps_the_tier()
    {
        MoveTo(2037, 1, 15);
        var member = await Client.NewMember();
        Assert.Equal("silver", (await Buy(member.MemberId, 200_000)).Tier);

        MoveTo(2037, 12, 20);
        // Paid after the silver discount, this still counts over ¥2,000 within the twelve months before the review.
        await Buy(member.MemberId, 250_000);
        MoveTo(2038, 1, 16);
        var reviewed = await Buy(member.MemberId, 100);

        Assert.Equal("silver", reviewed.Tier);
    }

    private async Task<MemberSnapshot> NewMemberBornOn(DateOnly birthday, BirthdayCalendar calendar)
    {
        var registration = Shop.Registration(TestIds.Phone());
        registration = registration with { Profile = registration.Profile with { Birthday = birthday, BirthdayCalendar = calendar } };
        return (await Client.Directory().Register(registration)).Member;
    }

    [Fact]
    public async Task In_the_birthday_month_the_member_gets_the_birthday_coupon_for_that_month_once()
    {
        MoveTo(2040, 2, 20);
        var member = await NewMemberBornOn(new DateOnly(1990, 3, 15), BirthdayCalendar.Gregorian);
        Assert.Equal(1, member.ActiveCoupons);

        MoveTo(2040, 3, 2);
        await Buy(member.MemberId, 100);
        await Buy(member.MemberId, 100);

        var view = (await Client.Member(member.MemberId).GetPricingView())!;
        var birthdayCoupon = Assert.Single(view.Context.Coupons, c => c.TemplateId == OrleansLoyalty.Domain.Programme.Default.Gifts.Birthday.Coupon!.TemplateId);
        Assert.Equal(new DateOnly(2040, 3, 1), birthdayCoupon.ValidFrom);
        Assert.Equal(new DateOnly(2040, 3, 31), birthdayCoupon.ValidTo);
    }

    [Fact]
    public async Task A_lunar_birthday_brings_its_coupon_in_the_gregorian_month_it_falls_in_that_year()
    {
        // Born on the Mid-Autumn festival (lunar 8/15); in 2041 that day is a gregorian date we ask the calendar for.
        var bornOn = LunarBirthday.ToGregorian(1985, 8, 15)!.Value;
        var festival = LunarBirthday.ToGregorian(2041, 8, 15)!.Value;
        MoveTo(2041, 1, 10);
        var member = await NewMemberBornOn(bornOn, BirthdayCalendar.Lunar);

        MoveTo(festival.Year, festival.Month, 1);
        await Buy(member.MemberId, 100);

        var view = (await Client.Member(member.MemberId).GetPricingView())!;
        var birthdayCoupon = Assert.Single(view.Context.Coupons, c => c.TemplateId == OrleansLoyalty.Domain.Programme.Default.Gifts.Birthday.Coupon!.TemplateId);
        Assert.Equal(festival.Month, birthdayCoupon.ValidFrom.Month);
    }
}

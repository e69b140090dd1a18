using System.Globalization;

namespace OrleansLoyalty.Domain.Tests;

public class BirthdayTests
{
    private static readonly MemberBirthday MidAutumn = new(8, 15, BirthdayCalendar.Lunar);

    [Fact]
    public void Lunar_eight_fifteen_is_mid_autumn_day_of_the_store_year()
    {
        Assert.Equal((2026, 8, false, 15), Birthdays.ToLunar(new DateOnly(2026, 9, 25)));
        Assert.True(Birthdays.IsBirthday(MidAutumn, new DateOnly(2026, 9, 25)));
        Assert.False(Birthdays.IsBirthday(MidAutumn, new DateOnly(2026, 9, 24)));
        Assert.False(Birthdays.IsBirthday(MidAutumn, new DateOnly(2026, 10, 6)));
    }

    [Fact]
    public void Mid_autumn_2025_falls_after_a_leap_sixth_month()
    {
        // 2025 has 闰六月: ChineseLunisolarCalendar numbers the eighth month 9, which must not confuse us.
        Assert.Equal(7, new ChineseLunisolarCalendar().GetLeapMonth(2025));
        Assert.True(Birthdays.IsBirthday(MidAutumn, new DateOnly(2025, 10, 6)));
        Assert.Equal((2025, 6, false, 1), Birthdays.ToLunar(new DateOnly(2025, 6, 25)));
        Assert.Equal((2025, 6, true, 1), Birthdays.ToLunar(new DateOnly(2025, 7, 25)));
    }

    [Fact]
    public void A_leap_month_birthday_is_celebrated_in_the_regular_month()
    {
        var bornInLeapSixth = new MemberBirthday(6, 1, BirthdayCalendar.Lunar, IsLeapMonth: true);

        Assert.True(Birthdays.IsBirthday(bornInLeapSixth, new DateOnly(2025, 6, 25)));
        Assert.False(Birthdays.IsBirthday(bornInLeapSixth, new DateOnly(2025, 7, 25)));
    }

    [Fact]
    public void A_lunar_thirtieth_falls_on_the_last_day_of_a_short_month()
    {
        var calendar = new ChineseLunisolarCalendar();
        var shortMonth = Enumerable.Range(1, calendar.GetMonthsInYear(2026)).First(month => calendar.GetDaysInMonth(2026, month) == 29);
        var lastDay = DateOnly.FromDateTime(calendar.ToDateTime(2026, shortMonth, 29, 0, 0, 0, 0));
        var (_, monthNumber, isLeap, _) = Birthdays.ToLunar(lastDay);
        Assert.False(isLeap);

        var bornOnThirtieth = new MemberBirthday(monthNumber, 30, BirthdayCalendar.Lunar);

        Assert.True(Birthdays.IsBirthday(bornOnThirtieth, lastDay));
        Assert.False(Birthdays.IsBirthday(bornOnThirtieth, lastDay.AddDays(-1)));
        Assert.False(Birthdays.IsBirthday(bornOnThirtieth, lastDay.AddDays(1)));
    }

    [Fact]
    public void A_gregorian_leap_day_birthday_is_the_28th_in_common_years()
    {
        var leapDay = new MemberBirthday(2, 29, BirthdayCalendar.Gregorian);

        Assert.True(Birthdays.IsBirthday(leapDay, new DateOnly(2026, 2, 28)));
        Assert.True(Birthdays.IsBirthday(leapDay, new DateOnly(2028, 2, 29)));
        Assert.False(Birthdays.IsBirthday(leapDay, new DateOnly(2028, 2, 28)));
    }

    [Fact]
    public void Next_occurrence_finds_the_coming_birthday()
    {
        Assert.Equal(new DateOnly(2026, 9, 25), Birthdays.NextOccurrence(MidAutumn, new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 9, 25), Birthdays.NextOccurrence(MidAutumn, new DateOnly(2025, 10, 7)));
    }

    [Fact]
    public void Pricing_doubles_points_on_a_lunar_birthday_by_the_store_date()
    {
        var engine = Shop.Engine();
        var member = Shop.Member(birthday: MidAutumn);
        var midAutumn = new DateTimeOffset(2026, 9, 25, 20, 0, 0, TimeSpan.FromHours(8));

        var result = engine.Price(Shop.Request([Shop.Line("1", Shop.Rice)], member, midAutumn));

        Assert.True(result.IsBirthday);
        Assert.Equal(118, result.PointsToEarn);
    }
}

using System.Globalization;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>
/// Lunar birthdays are entered as a lunar date (year, month 1–12, day 1–30; a leap month counts as its
/// regular month) and kept as the gregorian day of birth, which is exact and lets each year's lunar
/// birthday be found again with <see cref="ChineseLunisolarCalendar"/>.
/// </summary>
public static class LunarBirthday
{
    private static readonly ChineseLunisolarCalendar Calendar = new();

    /// <summary>The gregorian date of a lunar date, or null when that lunar day does not exist.</summary>
    public static DateOnly? ToGregorian(int year, int month, int day)
    {
        if (year < 1901 || year > 2100 || month is < 1 or > 12 || day is < 1 or > 30)
        {
            return null;
        }
        var leapMonth = Calendar.GetLeapMonth(year);
        // GetLeapMonth returns the index of the leap month (it follows its regular month), so regular months after it shift by one.
        var index = leapMonth > 0 && month >= leapMonth ? month + 1 : month;
        if (day > Calendar.GetDaysInMonth(year, index))
        {
            return null;
        }
        return DateOnly.FromDateTime(Calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>The lunar (year, month 1–12, day) of a gregorian date.</summary>
    public static (int Year, int Month, int Day) FromGregorian(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var year = Calendar.GetYear(dt);
        var index = Calendar.GetMonth(dt);
        var leapMonth = Calendar.GetLeapMonth(year);
        var month = leapMonth > 0 && index >= leapMonth ? index - 1 : index;
        return (year, month, Calendar.GetDayOfMonth(dt));
    }

    public static string Format(DateOnly gregorian)
    {
        var (y, m, d) = FromGregorian(gregorian);
        return $"{y:D4}-{m:D2}-{d:D2}";
    }
}

using System.Globalization;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Whether a store-local date is a member's birthday, in the member's calendar. Lunar birthdays go
/// through <see cref="ChineseLunisolarCalendar"/>: they are celebrated in the regular (non-leap) month of
/// their number, and a lunar 30th falls on the 29th in a month that has only 29 days. A gregorian
/// 29 February falls on 28 February in common years.
/// </summary>
public static class Birthdays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool IsBirthday(MemberBirthday? birthday, DateOnly storeLocalDate)
    {
        if (birthday is null || birthday.Month is < 1 or > 12 || birthday.Day is < 1 or > 31)
        {
            return false;
        }
        return birthday.Calendar == BirthdayCalendar.Lunar
            ? IsLunarBirthday(birthday, storeLocalDate)
            : IsGregorianBirthday(birthday, storeLocalDate);
    }

    /// <summary>The first birthday on or after <paramref name="onOrAfter"/>, within 400 days; null if none (out of the lunar calendar's range).</summary>
    public static DateOnly? NextOccurrence(MemberBirthday birthday, DateOnly onOrAfter)
    {
        for (var day = 0; day <= 400; day++)
        {
            if (onOrAfter.DayNumber + day > DateOnly.MaxValue.DayNumber)
            {
                return null;
            }
            var date = onOrAfter.AddDays(day);
            if (IsBirthday(birthday, date))
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>Lunar (year, month number, leap?, day) of a gregorian date; month numbers are 1–12.</summary>
    public static (int Year, int Month, bool IsLeapMonth, int Day) ToLunar(DateOnly date)
    {
        var at = date.ToDateTime(TimeOnly.MinValue);
        var year = Lunar.GetYear(at);
        var (month, isLeap) = MonthNumber(year, Lunar.GetMonth(at));
        return (year, month, isLeap, Lunar.GetDayOfMonth(at));
    }

    private static bool IsGregorianBirthday(MemberBirthday birthday, DateOnly date)
    {
        if (date.Month != birthday.Month)
        {
            return false;
        }
        return date.Day == Math.Min(birthday.Day, DateTime.DaysInMonth(date.Year, date.Month));
    }

    private static bool IsLunarBirthday(MemberBirthday birthday, DateOnly date)
    {
        var at = date.ToDateTime(TimeOnly.MinValue);
        if (at < Lunar.MinSupportedDateTime || at > Lunar.MaxSupportedDateTime)
        {
            return false;
        }
        var year = Lunar.GetYear(at);
        var monthIndex = Lunar.GetMonth(at);
        var (month, isLeap) = MonthNumber(year, monthIndex);
        if (isLeap || month != birthday.Month)
        {
            return false;
        }
        var daysInMonth = Lunar.GetDaysInMonth(year, monthIndex);
        return Lunar.GetDayOfMonth(at) == Math.Min(birthday.Day, daysInMonth);
    }

    /// <summary>
    /// <see cref="ChineseLunisolarCalendar"/> numbers months 1–13 in a leap year, the leap month taking the
    /// index after the month it repeats (GetLeapMonth = 7 means the 7th index is 闰六月).
    /// </summary>
    private static (int Month, bool IsLeap) MonthNumber(int lunarYear, int monthIndex)
    {
        var leapIndex = Lunar.GetLeapMonth(lunarYear);
        if (leapIndex == 0 || monthIndex < leapIndex)
        {
            return (monthIndex, false);
        }
        return monthIndex == leapIndex ? (monthIndex - 1, true) : (monthIndex - 1, false);
    }
}

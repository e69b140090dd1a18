using System.Globalization;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Members;

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// Reads a birthday field: <c>YYYY-MM-DD</c>, gregorian or (with <c>birthdayCalendar: lunar</c>) a Chinese
/// lunar date, which is kept as its gregorian day of birth. A birthday lies between 1901 and today.
/// </summary>
public static class BirthdayRules
{
    public static DateOnly? Parse(Rules rules, string? value, string? calendar, DateOnly today)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split('-');
        if (value.Length != 10 || parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            rules.Add("birthday", "must be a date as YYYY-MM-DD");
            return null;
        }
        DateOnly? date = calendar == "lunar"
            ? LunarBirthday.ToGregorian(y, m, d)
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var g) ? g : null;
        if (date is null)
        {
            rules.Add("birthday", calendar == "lunar" ? "is not a day of the Chinese lunar calendar (years 1901–2100)" : "is not a real date");
            return null;
        }
        if (date.Value.Year < 1901 || date.Value > today)
        {
            rules.Add("birthday", "must lie between 1901 and today");
            return null;
        }
        return date;
    }

    /// <summary>The birthday as the member entered it.</summary>
    public static string Format(DateOnly birthday, BirthdayCalendar calendar) =>
        calendar == BirthdayCalendar.Lunar ? LunarBirthday.Format(birthday) : birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

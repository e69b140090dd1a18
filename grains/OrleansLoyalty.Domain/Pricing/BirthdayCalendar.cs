namespace OrleansLoyalty.Domain;

/// <summary>The calendar a member's birthday is kept in (rest.md <c>birthdayCalendar</c>).</summary>
public enum BirthdayCalendar
{
    Gregorian = 0,

    /// <summary>Chinese lunar calendar (农历); month and day are lunar.</summary>
    Lunar = 1,
}

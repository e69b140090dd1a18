namespace OrleansLoyalty.Contracts.Members;

/// <summary>Which calendar a member's birthday is kept in: lunar birthdays move on the gregorian calendar every year.</summary>
[GenerateSerializer, Alias("members.BirthdayCalendar")]
public enum BirthdayCalendar
{
    Gregorian = 0,
    Lunar = 1,
}

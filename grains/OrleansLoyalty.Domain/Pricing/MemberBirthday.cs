namespace OrleansLoyalty.Domain;

/// <summary>A member's birthday: month and day in <see cref="Calendar"/>; the birth year plays no part in pricing.</summary>
/// <param name="IsLeapMonth">Born in a lunar leap month (闰月); celebrated in the regular month of that number.</param>
[GenerateSerializer, Immutable, Alias("domain.MemberBirthday")]
public sealed record MemberBirthday(
    [Id(0)] int Month,
    [Id(1)] int Day,
    [Id(2)] BirthdayCalendar Calendar,
    [Id(3)] bool IsLeapMonth = false);

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>A member's personal data, in clear. Only ever held in memory: grain state stores it encrypted.</summary>
[GenerateSerializer, Immutable, Alias("members.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly? Birthday,
    [property: Id(3)] BirthdayCalendar BirthdayCalendar,
    [property: Id(4)] string? Gender,
    [property: Id(5)] string? Email,
    [property: Id(6)] bool ConsentMarketing);

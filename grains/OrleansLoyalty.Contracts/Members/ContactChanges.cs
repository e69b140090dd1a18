using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>A partial edit of contact data: null means "leave as is".</summary>
[GenerateSerializer, Immutable, Alias("members.ContactChanges")]
public sealed record ContactChanges(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Gender,
    [property: Id(3)] DateOnly? Birthday,
    [property: Id(4)] BirthdayCalendar? BirthdayCalendar,
    [property: Id(5)] bool? ConsentMarketing,
    [property: Id(6)] string? NotifyBy = null,
    [property: Id(7)] string? WeChatOpenId = null,
    [property: Id(8)] bool UnbindWeChat = false);

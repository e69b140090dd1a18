using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>A member's personal data, in clear. Only ever held in memory: grain state stores it encrypted.</summary>
/// <param name="NotifyBy">How reminders reach the member: <c>sms</c>, <c>email</c> or <c>wechat</c> (docs/notices.md, "Channels").</param>
/// <param name="WeChatOpenId">The member's WeChat open id, bound from the app; null when not bound.</param>
[GenerateSerializer, Immutable, Alias("members.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly? Birthday,
    [property: Id(3)] BirthdayCalendar BirthdayCalendar,
    [property: Id(4)] string? Gender,
    [property: Id(5)] string? Email,
    [property: Id(6)] bool ConsentMarketing,
    [property: Id(7)] string NotifyBy = "sms",
    [property: Id(8)] string? WeChatOpenId = null);

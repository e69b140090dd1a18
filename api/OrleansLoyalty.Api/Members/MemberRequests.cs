using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Members;

/// <summary>POST /members. Strings are validated by hand so every problem is reported with its field.</summary>
public sealed record RegisterMemberRequest(
    string? Phone,
    string? Name,
    string? Birthday,
    string? BirthdayCalendar,
    string? Gender,
    string? Email,
    string? StoreId,
    string? Channel,
    string? ReferralCode,
    bool? ConsentMarketing,
    string? Password = null,
    string? Otp = null);

/// <summary>PATCH /members/{id}: only the fields present change.</summary>
public sealed record UpdateMemberRequest(
    string? Name,
    string? Birthday,
    string? BirthdayCalendar,
    string? Gender,
    string? Email,
    bool? ConsentMarketing,
    string? NotifyBy = null);

/// <summary>PUT /members/{id}/wechat: the open id the app got from WeChat's sign-in.</summary>
/// <param name="Code">The mini-program's <c>wx.login</c> code; the api asks WeChat for the open id.</param>
/// <param name="OpenId">The open id as the app states it: only where the chain has no WeChat app set up, or allows it.</param>
public sealed record BindWeChatRequest(string? OpenId, string? Code = null);

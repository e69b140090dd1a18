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
public sealed record BindWeChatRequest(string? OpenId);

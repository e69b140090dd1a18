using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Api.Members;

/// <summary>POST /members/otp: the phone a code is sent to, and what for: <c>signin</c> (default) or <c>registration</c>.</summary>
public sealed record SendCodeRequest(string? Phone, string? Purpose = null);

/// <summary>The same answer whether or not the phone is registered, and whether or not a code went out (no enumeration).</summary>
public sealed record SendCodeAccepted(int ExpiresIn, int ResendAfter)
{
    /// <summary>The answer to every code request: how long a code lives and when the next may be asked for.</summary>
    public static Accepted<SendCodeAccepted> Of(SignInOptions o) =>
        TypedResults.Accepted((string?)null, new SendCodeAccepted((int)o.CodeLifetime.TotalSeconds, (int)o.CodeResendInterval.TotalSeconds));
}

/// <summary>POST /members/login: the phone with either the password or the one-time code.</summary>
public sealed record MemberLoginRequest(string? Phone, string? Password, string? Otp);

/// <summary>The token answer of <c>/auth/token</c>, plus whose it is.</summary>
public sealed record MemberLoginResponse(string AccessToken, string TokenType, int ExpiresIn, IReadOnlyList<string> Roles, string MemberId);

/// <summary>PUT /members/{memberId}/password.</summary>
public sealed record SetPasswordRequest(string? Password);

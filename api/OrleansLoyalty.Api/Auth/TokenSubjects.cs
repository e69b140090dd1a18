using System.Globalization;
using System.Security.Claims;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Whose token it is, as revocations name it: <c>staff:alice</c>, <c>device:s001.lane3.a1b2c3</c>,
/// <c>member:M…</c>. The kind keeps a staff username from ever naming a member or a device.
/// </summary>
public static class TokenSubjects
{
    /// <summary>The claim with the token's issue time in milliseconds (<c>iat</c> has whole seconds only).</summary>
    public const string IssuedAtMsClaim = "iat_ms";

    /// <summary>The claim with when the session began (Unix seconds): the password or code sign-in that renewals carry on.</summary>
    public const string SessionStartedClaim = "auth_time";

    public static string Staff(string username) => "staff:" + username;

    public static string Device(string clientId) => "device:" + clientId;

    public static string Member(string memberId) => "member:" + memberId;

    /// <summary>The subject of a token carrying <paramref name="roles"/>.</summary>
    public static string Of(string subject, IEnumerable<string> roles)
    {
        var list = roles as IReadOnlyCollection<string> ?? [.. roles];
        if (list.Contains(Roles.Admin) || list.Contains(Roles.Manager))
        {
            return Staff(subject);
        }
        return list.Contains(Roles.Lane) || list.Contains(Roles.Gateway) ? Device(subject) : Member(subject);
    }

    public static string Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) ? Staff(user.Subject())
        : user.IsInRole(Roles.Lane) || user.IsInRole(Roles.Gateway) ? Device(user.Subject())
        : Member(user.Subject());

    /// <summary>When the session began; tokens without the claim (issued before renewals existed): when the token was issued.</summary>
    public static DateTimeOffset SessionStarted(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SessionStartedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.FromUnixTimeMilliseconds(IssuedAtMs(user));

    /// <summary>When the token was issued, in Unix milliseconds (tokens without <c>iat_ms</c>: their <c>iat</c>).</summary>
    public static long IssuedAtMs(ClaimsPrincipal user)
    {
        if (long.TryParse(user.FindFirstValue(IssuedAtMsClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }
        return long.TryParse(user.FindFirstValue("iat"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds * 1000 : 0;
    }
}

using System.Globalization;
using System.Security.Claims;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>A manager as a validated token shows them: subject, role and the token's issue time in milliseconds.</summary>
internal static class StaffPrincipals
{
    public static ClaimsPrincipal Manager(string username, long issuedAtMs) => new(new ClaimsIdentity(
    [
        new Claim("sub", username),
        new Claim("role", Roles.Manager),
        new Claim(TokenSubjects.IssuedAtMsClaim, issuedAtMs.ToString(CultureInfo.InvariantCulture)),
    ], "test", "sub", "role"));
}

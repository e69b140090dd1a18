using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.ClusterDashboard;

/// <summary>
/// A browser opening the dashboard in a tab cannot send a bearer header, so an admin's console trades its
/// bearer token for a short-lived cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
/// sends it), scoped to the dashboard's path, holding a token signed like the api's but for its own audience —
/// so the cookie opens the dashboard and nothing else, and an api token is no dashboard cookie.
/// </summary>
public sealed class ClusterDashboardSession(IOptions<AuthOptions> auth, IOptions<ClusterDashboardAccessOptions> options, TimeProvider clock)
{
    public const string Path = "/admin/orleans";
    public const string CookieName = "loyalty_orleans_dashboard";
    public const string Scheme = "OrleansDashboardCookie";

    private readonly JsonWebTokenHandler _handler = new();

    public static string Audience(AuthOptions auth) => auth.Audience + "/orleans-dashboard";

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.SessionMinutes);

    /// <summary>Sets the cookie for <paramref name="user"/> (already known to be an admin).</summary>
    public void Start(HttpContext context, ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow();
        var claims = user.Claims.Where(c => c.Type is Roles.SubjectClaim or Roles.RoleClaim or Roles.StoreClaim).Select(c => new Claim(c.Type, c.Value));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = Audience(auth.Value),
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(TokenService.SigningKey(auth.Value), SecurityAlgorithms.HmacSha256),
        });
        context.Response.Cookies.Append(CookieName, token, CookieOptions(context, now + Lifetime));
    }

    public static void End(HttpContext context) => context.Response.Cookies.Delete(CookieName, CookieOptions(context, null));

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        // deploy/run.sh serves plain HTTP on loopback; behind TLS the cookie never travels in clear.
        Secure = context.Request.IsHttps,
        Expires = expires,
        IsEssential = true,
    };
}

using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Issues HMAC-signed JWT access tokens carrying the subject, roles and store scope.</summary>
public sealed class TokenService(IOptions<AuthOptions> options, TokenRevocations revocations, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Convert.FromBase64String(options.SigningKey));

    /// <param name="sessionStarted">When the session began, for a renewal; null for a sign-in (the session begins now).</param>
    public TokenResponse Issue(string subject, IEnumerable<string> roles, IEnumerable<string> storeIds, bool device, DateTimeOffset? sessionStarted = null)
    {
        var o = options.Value;
        var lifetime = TimeSpan.FromMinutes(device ? o.DeviceTokenMinutes : o.AccessTokenMinutes);
        var roleList = roles.ToList();
        // Never before the subject's last revocation, even if this instance's clock is a little behind the one that
        // revoked: a token issued after a password change must not be refused as older than it.
        var nowMs = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), revocations.NotBeforeMs(TokenSubjects.Of(subject, roleList)));
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime;
        var claims = new List<Claim>
        {
            new(Roles.SubjectClaim, subject),
            new(TokenSubjects.IssuedAtMsClaim, nowMs.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new(TokenSubjects.SessionStartedClaim,
                (sessionStarted ?? DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ClaimValueTypes.Integer64),
        };
        claims.AddRange(roleList.Select(r => new Claim(Roles.RoleClaim, r)));
        claims.AddRange(storeIds.Select(s => new Claim(Roles.StoreClaim, s)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey(o), SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, roleList);
    }
}

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, IReadOnlyList<string> Roles);

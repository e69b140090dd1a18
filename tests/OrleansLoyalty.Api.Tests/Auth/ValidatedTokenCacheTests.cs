using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>The validated-token cache never accepts a token that full validation would refuse.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Start);
    private readonly AuthOptions _auth = new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()), DeviceTokenMinutes = 60 };

    private (CachingJsonWebTokenHandler Handler, ValidatedTokenCache Cache, TokenValidationParameters Parameters) Create(int size = 100)
    {
        _auth.ValidatedTokenCacheSize = size;
        var cache = new ValidatedTokenCache(Options.Create(_auth), _clock);
        var parameters = Parameters(TokenService.SigningKey(_auth));
        return (new CachingJsonWebTokenHandler(cache) { MapInboundClaims = false }, cache, parameters);
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = _auth.Issuer, ValidAudience = _auth.Audience, IssuerSigningKey = key,
        RoleClaimType = Roles.RoleClaim, NameClaimType = Roles.SubjectClaim, ClockSkew = TimeSpan.Zero,
        // The validator's own lifetime check reads this clock too, so the tests can move time for both.
        LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _clock.GetUtcNow().UtcDateTime && _clock.GetUtcNow().UtcDateTime < expires,
    };

    private string Issue(string subject = "lane-1") =>
        new TokenService(Options.Create(_auth), new TokenRevocations(), _clock).Issue(subject, [Roles.Lane], ["s001"], device: true).AccessToken;

    [Fact]
    public async Task A_token_validated_once_is_answered_from_the_cache_with_its_own_identity_copy()
    {
        var (handler, cache, parameters) = Create();
        var token = Issue();

        var first = await handler.ValidateTokenAsync(token, parameters);
        var second = await handler.ValidateTokenAsync(token, parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, cache.Count);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("lane-1", second.ClaimsIdentity.FindFirst(Roles.SubjectClaim)?.Value);
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole(Roles.Lane));
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task An_expired_token_is_refused_even_though_it_was_cached()
    {
        var (handler, cache, parameters) = Create();
        var token = Issue();
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        _clock.Now = Start.AddMinutes(61);

        Assert.False((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_tampered_token_is_validated_in_full_and_refused()
    {
        var (handler, _, parameters) = Create();
        var token = Issue();
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.False((await handler.ValidateTokenAsync(tampered, parameters)).IsValid);
    }

    [Fact]
    public async Task Another_signing_key_does_not_find_tokens_validated_with_the_old_one()
    {
        var (handler, _, parameters) = Create();
        var token = Issue();
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        var rotated = Parameters(new SymmetricSecurityKey(new byte[32].Select((_, i) => (byte)(200 - i)).ToArray()));

        Assert.False((await handler.ValidateTokenAsync(token, rotated)).IsValid);
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_size_and_size_zero_keeps_nothing()
    {
        var (handler, cache, parameters) = Create(size: 3);
        foreach (var i in Enumerable.Range(0, 10))
        {
            Assert.True((await handler.ValidateTokenAsync(Issue($"lane-{i}"), parameters)).IsValid);
            Assert.InRange(cache.Count, 1, 3);
        }

        var (off, offCache, offParameters) = Create(size: 0);
        Assert.True((await off.ValidateTokenAsync(Issue(), offParameters)).IsValid);
        Assert.Equal(0, offCache.Count);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

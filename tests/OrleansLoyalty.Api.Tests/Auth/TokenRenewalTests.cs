using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>The console and the app stay signed in by renewing their token, until the session's limit.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenRenewalTests(ApiFixture fixture)
{
    /// <summary>The api's own clock (the one it signs tokens and checks codes by).</summary>
    private DateTimeOffset Now => fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    [Fact]
    public async Task Staff_and_members_swap_a_live_token_for_a_fresh_one_that_works()
    {
        var phone = LoyaltyClient.RandomPhone();
        var memberId = (await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "续期", storeId = "s001", password = "renew-pass-1" })).Body!["memberId"]!.GetValue<string>();
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = "renew-pass-1" }));

        var staffRenewed = await fixture.Admin.PostAsync("/api/v1/auth/refresh", new { });
        var memberRenewed = await member.PostAsync("/api/v1/auth/refresh", new { });

        Assert.Equal(HttpStatusCode.OK, staffRenewed.Status);
        Assert.Equal(HttpStatusCode.OK, (await LoyaltyClient.WithToken(fixture.App.CreateClient(), staffRenewed).GetAsync("/api/v1/staff")).Status);
        Assert.Equal(memberId, memberRenewed.Body!["memberId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await LoyaltyClient.WithToken(fixture.App.CreateClient(), memberRenewed).GetAsync($"/api/v1/members/{memberId}")).Status);
    }

    [Fact]
    public async Task A_session_past_its_limit_a_disabled_account_and_a_lane_get_no_fresh_token()
    {
        var stale = Client(Token("admin", ["admin"], sessionStarted: Now.AddHours(-13)));
        var recent = Client(Token("admin", ["admin"], sessionStarted: Now.AddHours(-11)));
        var username = LoyaltyClient.NewId("mgr");
        await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "manager-password", roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        var manager = await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, "manager-password");
        await fixture.Admin.PostAsync($"/api/v1/staff/{username}/disable", new { });
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var tooOld = await stale.PostAsync("/api/v1/auth/refresh", new { });

        Assert.Equal((HttpStatusCode.Unauthorized, "auth.session_expired"), (tooOld.Status, tooOld.Code));
        Assert.Equal(HttpStatusCode.OK, (await recent.PostAsync("/api/v1/auth/refresh", new { })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.PostAsync("/api/v1/auth/refresh", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await lane.PostAsync("/api/v1/auth/refresh", new { })).Status);
    }

    private LoyaltyClient Client(string token)
    {
        var http = fixture.App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new LoyaltyClient(http);
    }

    /// <summary>A token as the api signs them, for a session that began at <paramref name="sessionStarted"/>.</summary>
    private string Token(string subject, string[] roles, DateTimeOffset sessionStarted)
    {
        var now = Now;
        var claims = new List<Claim>
        {
            new("sub", subject),
            new("iat_ms", now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new("auth_time", sessionStarted.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "orleans-loyalty",
            Audience = "orleans-loyalty",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(30).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(fixture.Secrets.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}

using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansLoyalty.Api.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>
/// A minimal web app with the dashboard hub behind JWT bearer auth shaped like the api's own
/// ("role", "store", "sub" claims), over a fake source and a fake clock.
/// </summary>
public sealed class HubTestHost : IAsyncDisposable
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("dashboard-hub-tests-signing-key-0123456789"));
    private readonly WebApplication _app;

    private HubTestHost(WebApplication app) => _app = app;

    public FakeDashboardSource Source { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Figures.At);

    private TestServer Server => _app.GetTestServer();

    /// <param name="realSource">Services for the production <see cref="IDashboardSource"/> (an IClusterClient); null for the fake source and clock.</param>
    public static async Task<HubTestHost> StartAsync(Action<IServiceCollection>? realSource = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        HubTestHost? host = null;
        if (realSource is null)
        {
            builder.Services.AddSingleton<IDashboardSource>(_ => host!.Source);
            builder.Services.AddKeyedSingleton<TimeProvider>(DashboardHubClock.ServiceKey, (_, _) => host!.Clock);
        }
        else
        {
            realSource(builder.Services);
        }
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                IssuerSigningKey = Key,
                ValidateIssuer = false,
                ValidateAudience = false,
                NameClaimType = "sub",
                RoleClaimType = "role",
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddLoyaltyDashboard();
        var app = builder.Build();
        host = new HubTestHost(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLoyaltyDashboard();
        await app.StartAsync();
        return host;
    }

    public static string Token(string subject, string[] roles, params string[] stores) =>
        TokenExpiringIn(TimeSpan.FromHours(1), subject, roles, stores);

    public static string TokenExpiringIn(TimeSpan lifetime, string subject, string[] roles, params string[] stores)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange(stores.Select(s => new Claim("store", s)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public HttpClient CreateHttpClient() => Server.CreateClient();

    /// <summary>
    /// A .NET SignalR client over WebSockets. Like a browser it puts the token in the query string
    /// of the WebSocket request (negotiate carries the header).
    /// </summary>
    public Task<DashboardTestClient> ConnectAsync(string? token) => DashboardTestClient.ConnectAsync(Server, token);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

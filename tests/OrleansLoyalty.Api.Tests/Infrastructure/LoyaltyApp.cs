using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>
/// The real api with its co-hosted silo on a test database: PostgreSQL clustering, grain storage and ledger,
/// as in production. Several instances with the same database and cluster id form one cluster.
/// </summary>
public sealed class LoyaltyApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "test-admin-password-1";

    private readonly string _connectionString;
    private readonly LoyaltySecrets _secrets;
    private readonly string _clusterId;

    /// <summary>Where this api's silo delivers messages (the file-drop senders), read by <see cref="MessageInbox"/>.</summary>
    public string SmsFolder { get; } = Path.Combine(Path.GetTempPath(), "loyalty-sms-" + Guid.NewGuid().ToString("N")[..8]);

    public MessageInbox Sms => new(SmsFolder);

    public MessageInbox Email => new(SmsFolder, "email");

    public MessageInbox WeChat => new(SmsFolder, "wechat");

    public LoyaltyApp(string connectionString, LoyaltySecrets secrets, string clusterId)
    {
        _connectionString = connectionString;
        _secrets = secrets;
        _clusterId = clusterId;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Security:DataKey", _secrets.DataKey);
        builder.UseSetting("Security:IndexKey", _secrets.IndexKey);
        builder.UseSetting("Auth:SigningKey", _secrets.SigningKey);
        builder.UseSetting("Auth:AdminPassword", AdminPassword);
        builder.UseSetting("OrleansDashboard:Enabled", "true");
        // Cheap hashes keep the many logins of a test run fast; production keeps OWASP's cost.
        builder.UseSetting("Auth:PasswordMemoryKiB", "1024");
        builder.UseSetting("Auth:PasswordIterations", "1");
        builder.UseSetting("Orleans:ClusterId", _clusterId);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:RegistrationsPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("Notifications:DropFolder", SmsFolder);
        builder.UseSetting("Notifications:PollInterval", "00:00:00.050");
        // No quiet hours: these tests run on the wall clock, and a reminder made at night would wait for 09:00.
        builder.UseSetting("Notices:QuietFrom", "00:00");
        builder.UseSetting("Notices:QuietUntil", "00:00");
        // The tests run the purchase analysis when they need it (POST /reports/analysis/refresh), not at start-up.
        builder.UseSetting("Analysis:Scheduled", "false");
        // A WeChat app whose server is a stub: members bind by wx.login code, and (as older tests do) by open id.
        builder.UseSetting("WeChat:AppId", WeChatServerStub.AppId);
        builder.UseSetting("WeChat:AppSecret", "stub-secret");
        builder.UseSetting("WeChat:AcceptOpenIdFromApp", "true");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(WeChatApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new WeChatServerStub()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Keys shared by every instance of one test cluster (as a real deployment shares them).</summary>
public sealed record LoyaltySecrets(string DataKey, string IndexKey, string SigningKey)
{
    public static LoyaltySecrets New() => new(Key(), Key(), Key());

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;
using OrleansLoyalty.Tests.Shared;

namespace OrleansLoyalty.EdgeGateway.Tests.Cluster;

/// <summary>
/// The real cluster as separate processes: a database of its own on LOYALTY_TEST_POSTGRES, the schema
/// applied by the silo's migrator, and the api with its co-hosted silo, which a test may kill and start again.
/// </summary>
public sealed class LoyaltyCluster : IAsyncDisposable
{
    private const string AdminPassword = "gateway-test-admin";
    private readonly string _adminConnectionString;
    private readonly Dictionary<string, string> _environment;
    private readonly HttpClient _http;
    private ChildProcess? _api;
    private string? _token;

    private LoyaltyCluster(string adminConnectionString, string databaseName, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        DatabaseName = databaseName;
        ConnectionString = connectionString;
        HttpPort = FreePort.Next();
        ClusterId = "gwtest-" + databaseName[^8..];
        _environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = connectionString,
            ["Security__DataKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security__IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["LOYALTY_ADMIN_PASSWORD"] = AdminPassword,
            ["LOYALTY_HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = ClusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(15) };
    }

    public string DatabaseName { get; }
    public string ConnectionString { get; }
    public string ClusterId { get; }
    public int HttpPort { get; }

    public static async Task<LoyaltyCluster> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(admin), "LOYALTY_TEST_POSTGRES is not set: start PostgreSQL with deploy/postgres.sh and export its connection string");
        var name = "gw_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        var cluster = new LoyaltyCluster(admin!, name, connectionString);
        using var migrate = ChildProcess.Start(RepositoryBuild.Dll("silo", "OrleansLoyalty.Silo"), cluster._environment, "migrate");
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(120)) == 0, "schema migration failed:\n" + migrate.Tail());
        return cluster;
    }

    public async Task StartAsync()
    {
        _api = ChildProcess.Start(RepositoryBuild.Dll("api", "OrleansLoyalty.Api"), _environment);
        await Eventually.UntilAsync(() => IsReady(), "the api and its silo to be ready", deadline: TimeSpan.FromSeconds(120));
    }

    /// <summary>kill -9 of the api and its silo: the whole cluster is gone at once.</summary>
    public void Kill()
    {
        _api?.Dispose();
        _api = null;
    }

    public async Task<(string MemberId, string CardNo)> NewMemberWithCardAsync()
    {
        var phone = "139" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var cardNo = "88" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var registered = await PostAsync("api/v1/members", new { phone, name = "李四", storeId = TestBroker.StoreA, channel = "lane" });
        var memberId = registered.GetProperty("memberId").GetString()!;
        await PostAsync($"api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = TestBroker.StoreA });
        return (memberId, cardNo);
    }

    public async Task<long> PointsAsync(string memberId) =>
        (await GetAsync($"api/v1/members/{memberId}")).GetProperty("points").GetProperty("balance").GetInt64();

    public async Task<IReadOnlyList<JsonElement>> LedgerAsync(string memberId) =>
        [.. (await GetAsync($"api/v1/members/{memberId}/ledger")).GetProperty("items").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        Kill();
        _http.Dispose();
        await TestDatabaseDrop.DropAsync(_adminConnectionString, DatabaseName);
    }

    private bool IsReady()
    {
        Assert.False(_api!.HasExited, "the api exited:\n" + _api.Tail());
        try
        {
            return _http.GetAsync(new Uri("health/ready", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>PUT as the administrator; the answer must be a success.</summary>
    public async Task PutAsync(string path, object body)
    {
        await AuthorizeAsync();
        using var response = await _http.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>POST as the administrator; the answer must be a success.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        await AuthorizeAsync();
        using var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        await AuthorizeAsync();
        var text = await _http.GetStringAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task AuthorizeAsync()
    {
        if (_token is not null)
        {
            return;
        }
        using var response = await _http.PostAsJsonAsync("api/v1/auth/token", new { username = "admin", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        _token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }
}

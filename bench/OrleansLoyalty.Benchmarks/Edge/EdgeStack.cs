using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Scenarios;
using OrleansLoyalty.LaneSimulator;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Benchmarks.Edge;

/// <summary>
/// The processes of the edge benchmark: the store broker (deploy/mosquitto.sh, a private port), the api with
/// its co-hosted silo (Release build, as HttpScenarios runs it), and one edge gateway per store (Release
/// build, Orleans mode). Each is stopped by its own handle.
/// </summary>
public sealed class EdgeStack(BenchSettings settings, EdgeSettings edge, string connectionString) : IAsyncDisposable
{
    private readonly List<ChildProcess> _gateways = [];
    private ChildProcess? _api;
    private bool _brokerStarted;

    private string MqttDir => Path.Combine(settings.WorkDir, "edge-mqtt");
    private string Script => Path.Combine(settings.RepoRoot, "deploy", "mosquitto.sh");
    private string BaseUrl => $"http://127.0.0.1:{settings.ApiPort}";

    public string CredentialsPath => Path.Combine(MqttDir, "credentials.json");

    public IReadOnlyList<string> StoreIds => [.. edge.StoreLanes.Select(s => s.StoreId)];

    public IEnumerable<int> ApiPids => _api is { HasExited: false } api ? [api.Id] : [];

    public IEnumerable<int> GatewayPids => _gateways.Where(g => !g.HasExited).Select(g => g.Id);

    public async Task StartBrokerAsync()
    {
        await ChildProcess.RunToEnd("bash", [Script, "start", MqttDir, edge.MqttPort.ToString(CultureInfo.InvariantCulture), edge.Stores]);
        _brokerStarted = true;
    }

    /// <summary>Starts the api (and its silo); returns once it is ready.</summary>
    public async Task StartApiAsync()
    {
        var apiDll = Path.Combine(settings.RepoRoot, "api", "OrleansLoyalty.Api", "bin", "Release", "net10.0", "OrleansLoyalty.Api.dll");
        var env = new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = connectionString,
            ["Security__DataKey"] = settings.DataKey,
            ["Security__IndexKey"] = settings.IndexKey,
            ["Auth__SigningKey"] = settings.SigningKey,
            ["LOYALTY_ADMIN_PASSWORD"] = settings.AdminPassword,
            ["LOYALTY_HTTP_PORT"] = settings.ApiPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = BenchSettings.ClusterId,
            ["Orleans__ServiceId"] = BenchSettings.ServiceId,
            ["Orleans__SiloPort"] = settings.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = settings.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            // The runner's work folder (journals, broker data) lies below the api's content root (the repository):
            // with reload-on-change its recursive file watcher took a few % of the CPU on every journal write.
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        };
        _api = ChildProcess.Start("dotnet", [apiDll], env, Path.Combine(settings.WorkDir, "edge-api.log"));
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (_api.HasExited)
            {
                throw new InvalidOperationException("edge: the api exited; see edge-api.log in the work folder");
            }
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException("edge: the api was not ready within 120 s");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>kill -9 of the api and its silo: the cluster is gone at once.</summary>
    public async Task KillApiAsync()
    {
        if (_api is { } api)
        {
            _api = null;
            await api.DisposeAsync();
        }
    }

    /// <summary>The demo catalog in every store, two campaigns (10 % off fruit, 满100减10) and the simulator's shoppers as members.</summary>
    public async Task LoadStoresAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using (var tokenResponse = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = settings.AdminPassword }))
        {
            tokenResponse.EnsureSuccessStatusCode();
            using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        }
        var products = DemoCatalog.Products.Select(p => new { p.Sku, p.Barcode, p.Name, p.CategoryPath, p.Price, p.SoldByWeight }).ToList();
        foreach (var store in StoreIds)
        {
            (await http.PutAsJsonAsync($"/api/v1/stores/{store}/products", products)).EnsureSuccessStatusCode();
        }
        await Created(await http.PostAsJsonAsync("/api/v1/campaigns", new
        {
            campaignId = "edge-fruit-10", name = "水果九折", kind = "percentOff",
            target = new { storeIds = StoreIds, categoryPath = new[] { "生鲜", "水果" } }, reward = new { percent = 10 },
        }));
        await Created(await http.PostAsJsonAsync("/api/v1/campaigns", new
        {
            campaignId = "edge-100-10", name = "满100减10", kind = "amountOffOver",
            target = new { storeIds = StoreIds }, reward = new { threshold = 10_000, amount = 1_000 },
        }));
        await new MemberSeeder(new Uri(BaseUrl), settings.AdminPassword, TextWriter.Null)
            .SeedAsync(StoreIds[0], EdgeScenarios.FirstCard, EdgeScenarios.FirstPhone, EdgeScenarios.Shoppers, CancellationToken.None);
    }

    public void StartGateways()
    {
        var gatewayDll = Path.Combine(settings.RepoRoot, "edge-gateway", "OrleansLoyalty.EdgeGateway", "bin", "Release", "net10.0", "OrleansLoyalty.EdgeGateway.dll");
        var i = 0;
        foreach (var store in StoreIds)
        {
            var journal = Path.Combine(settings.WorkDir, "edge-journal-" + store);
            if (Directory.Exists(journal))
            {
                Directory.Delete(journal, recursive: true);
            }
            var env = new Dictionary<string, string?>
            {
                ["Gateway__StoreId"] = store,
                ["Gateway__JournalPath"] = journal,
                ["Gateway__Mqtt__Port"] = edge.MqttPort.ToString(CultureInfo.InvariantCulture),
                ["Gateway__Mqtt__CredentialsFile"] = CredentialsPath,
                ["Gateway__Mqtt__ClientId"] = "gateway-bench-" + store,
                ["Gateway__Cluster__Mode"] = "Orleans",
                ["Gateway__Cluster__ConnectionString"] = connectionString,
                ["Gateway__Cluster__ClusterId"] = BenchSettings.ClusterId,
                ["Gateway__Cluster__ServiceId"] = BenchSettings.ServiceId,
                ["Gateway__StatusInterval"] = "00:00:01",
                ["Gateway__HealthPort"] = (edge.HealthPort + i++).ToString(CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
                // The gateway runs as it ships, with .NET's default, not with the setting this process gave itself.
                [InlineSocketCompletions.Variable] = null,
            };
            _gateways.Add(ChildProcess.Start("dotnet", [gatewayDll], env, Path.Combine(settings.WorkDir, $"edge-gateway-{store}.log")));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
        _gateways.Clear();
        await KillApiAsync();
        if (_brokerStarted)
        {
            await ChildProcess.RunToEnd("bash", [Script, "stop", MqttDir]);
        }
    }

    private static async Task Created(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"edge: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}

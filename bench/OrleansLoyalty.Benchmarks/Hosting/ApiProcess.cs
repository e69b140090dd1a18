using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansLoyalty.Benchmarks.Scenarios;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>
/// The real api as deploy/run.sh starts it (Release build, co-hosting its silo, configured through the
/// environment), on the benchmark's ports; optionally with the benchmark's rules through the startup hook.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ApiProcess(ChildProcess process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    /// <summary>A client on the api's base address, for set-up calls.</summary>
    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public Uri BaseAddress => Http.BaseAddress!;

    public static async Task<ApiProcess> Start(BenchSettings settings, string connectionString, bool workloadRules, string logName)
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
        };
        if (workloadRules)
        {
            env["DOTNET_STARTUP_HOOKS"] = typeof(ApiProcess).Assembly.Location;
        }
        var process = ChildProcess.Start("dotnet", [apiDll], env, Path.Combine(settings.WorkDir, logName));
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.ApiPort}") };
        var api = new ApiProcess(process, http);
        try
        {
            await WaitFor(http, "/health/ready", process, TimeSpan.FromSeconds(120));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
        return api;
    }

    public async Task<string> Token(string username, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static async Task WaitFor(HttpClient http, string path, ChildProcess process, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the process serving {http.BaseAddress} exited; see its log in the work folder");
            }
            try
            {
                if ((await http.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{http.BaseAddress}{path} not ready after {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}

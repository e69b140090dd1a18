using System.Diagnostics;
using System.Net.Http;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>The gateway as a real child process (standalone: no cluster), so that a test can kill -9 it.</summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly int _healthPort;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private GatewayProcess(Process process, int healthPort)
    {
        _process = process;
        _healthPort = healthPort;
    }

    public static async Task<GatewayProcess> StartAsync(GatewaySetup setup, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var gatewayDll = Path.Combine(AppContext.BaseDirectory, "OrleansLoyalty.EdgeGateway.dll");
        var healthPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [gatewayDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in setup.Configuration())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Gateway__HealthPort"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var gateway = new GatewayProcess(process, healthPort);
        process.OutputDataReceived += (_, line) => gateway.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => gateway.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.UntilAsync(() => gateway.IsReady(), "the gateway process to be ready", deadline: TimeSpan.FromSeconds(30));
        return gateway;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing buffered in the process survives.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }
        _process.Dispose();
    }

    /// <summary>What the gateway's health endpoint says about the cluster.</summary>
    public bool IsClusterReachable()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            var body = http.GetStringAsync(new Uri($"http://127.0.0.1:{_healthPort}/health/live")).GetAwaiter().GetResult();
            return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetProperty("clusterReachable").GetBoolean();
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

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private bool IsReady()
    {
        if (_process.HasExited)
        {
            _process.WaitForExit();
            Assert.Fail($"the gateway process exited with {_process.ExitCode}:\n{string.Join('\n', _output.TakeLast(40))}");
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            var response = http.GetAsync(new Uri($"http://127.0.0.1:{_healthPort}/health/ready")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
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
}

using System.Globalization;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Connects every lane, runs them until the time or event budget is spent, prints progress and a summary.</summary>
public sealed class Simulation(SimulationSettings settings, TimeProvider time, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var credentials = BrokerCredentials.Load(settings.CredentialsPath);
        var lanes = credentials.Stores.Where(s => settings.Stores.Count == 0 || settings.Stores.Contains(s))
            .SelectMany(store => credentials.Lanes(store).Take(settings.LanesPerStore ?? int.MaxValue).Select(lane => (store, lane)))
            .ToList();
        if (lanes.Count == 0)
        {
            await output.WriteLineAsync("no lanes in the credentials file").ConfigureAwait(false);
            return 2;
        }
        if (settings.Tls && credentials.Tls is null)
        {
            await output.WriteLineAsync("--tls: the broker has no TLS listener (start it with MQTT_TLS_PORT=<port> deploy/mosquitto.sh ...)").ConfigureAwait(false);
            return 2;
        }
        var (host, port) = settings.Tls ? (credentials.Tls!.Host, credentials.Tls.Port) : (credentials.Host, credentials.Port);
        var runId = Convert.ToHexString(BitConverter.GetBytes(time.GetUtcNow().ToUnixTimeMilliseconds()))[..8].ToLowerInvariant();
        var stats = new SimulationStats();
        var gate = new RateGate(settings.Rate, time);
        var runners = lanes.Select((l, i) => new LaneRunner(l.store, l.lane, runId, settings, stats, gate, time, settings.Seed + i)).ToList();
        await output.WriteLineAsync($"connecting {runners.Count} lanes of {lanes.Select(l => l.store).Distinct().Count()} stores to {host}:{port}{(settings.Tls ? " over TLS" : "")}...").ConfigureAwait(false);
        await Task.WhenAll(runners.Select(r => r.ConnectAsync(credentials, cancellationToken))).ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(settings.Duration);
        var started = time.GetTimestamp();
        bool BudgetLeft() => settings.MaxEvents is not { } max || stats.Events < max;
        var lanesDone = Task.WhenAll(runners.Select(r => r.RunAsync(BudgetLeft, stop.Token)));
        while (!lanesDone.IsCompleted)
        {
            await Task.WhenAny(lanesDone, Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None)).ConfigureAwait(false);
            if (!settings.Quiet)
            {
                await output.WriteAsync("\r" + Progress(stats, time.GetElapsedTime(started))).ConfigureAwait(false);
            }
        }
        await lanesDone.ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Summary(stats, elapsed, runners.Count)).ConfigureAwait(false);
        foreach (var runner in runners)
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }
        return 0;
    }

    private static string Progress(SimulationStats stats, TimeSpan elapsed)
    {
        var all = stats.Latency.Summary();
        return string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed.TotalSeconds,5:F0}s] events {stats.Events,9:N0} ({stats.Events / Math.Max(1, elapsed.TotalSeconds),7:N0}/s)  displays {stats.Displays,9:N0}  receipts {stats.Receipts,7:N0}  errors {stats.Errors,6:N0}  timeouts {stats.Timeouts,5:N0}  p99 {all.P99,7:F2} ms ");
    }

    private static string Summary(SimulationStats stats, TimeSpan elapsed, int lanes)
    {
        var text = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"lanes {lanes}, {elapsed.TotalSeconds:F1} s: {stats.Events:N0} events ({stats.Events / Math.Max(0.001, elapsed.TotalSeconds):N0}/s), {stats.Displays:N0} displays, {stats.Receipts:N0} receipts, {stats.Errors:N0} errors, {stats.Timeouts:N0} timeouts");
        text.AppendLine("latency event -> display/error (ms):     count      p50      p99     p999      max");
        foreach (var kind in stats.Latency.Kinds.Append("all"))
        {
            var s = stats.Latency.Summary(kind == "all" ? null : kind);
            text.AppendLine(inv, $"  {kind,-6}                           {s.Count,10:N0} {s.P50,8:F2} {s.P99,8:F2} {s.P999,8:F2} {s.Max,8:F2}");
        }
        var stalls = stats.Latency.Stalls(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TimeProvider.System.TimestampFrequency);
        text.AppendLine(inv, $"late answers: {stalls.Describe("10 ms", "100-ms")}");
        foreach (var (code, count) in stats.ErrorsByCode.OrderByDescending(e => e.Value))
        {
            text.AppendLine(inv, $"  error {code}: {count:N0}");
        }
        return text.ToString().TrimEnd();
    }
}

using System.Globalization;
using Npgsql;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.LaneSimulator;

namespace OrleansLoyalty.Benchmarks.Edge;

/// <summary>
/// Issue 4 "Performance": 200 simulated lanes through mosquitto on loopback into the edge gateways and the
/// cluster, event → display latency per device kind at ≥ 2,000 events/s; then an outage, a journal of
/// 100,000 events sold offline, and the replay of that journal once the cluster is back.
/// </summary>
public static class EdgeScenarios
{
    public const long FirstCard = 8_800_000_001;
    public const long FirstPhone = 13_800_000_001;
    public const int Shoppers = 200;

    private static readonly Target DisplayTarget = new(10, null);
    private static readonly Target RateTarget = new(null, 2_000);

    /// <summary>What counts as late, and the windows late answers are counted in (the stall profile in the edge note).</summary>
    private static readonly TimeSpan StallThreshold = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StallWindow = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyList<ScenarioResult>> Run(BenchSettings settings, List<string> notes, Action<string> step)
    {
        var edge = EdgeSettings.FromEnvironment(settings.WarmUp, settings.Measure);
        var results = new List<ScenarioResult>();
        step($"6. edge: fresh database, broker on 127.0.0.1:{edge.MqttPort} for {edge.Stores}, api (Release)");
        await Databases.Recreate(settings, Database);
        var connection = new NpgsqlConnectionStringBuilder(settings.Database(Database)) { MaxPoolSize = 60 }.ConnectionString;
        await Databases.Migrate(connection);
        await using var stack = new EdgeStack(settings, edge, connection);
        await stack.StartBrokerAsync();
        await stack.StartApiAsync();
        step($"6. edge: demo catalog, two campaigns and {Shoppers} members through the REST API");
        await stack.LoadStoresAsync();
        await using var status = await GatewayStatusWatcher.ConnectAsync(stack.CredentialsPath);
        stack.StartGateways();
        await status.UntilAsync(() => status.AllReachable(stack.StoreIds, true), "every gateway joining the cluster", TimeSpan.FromSeconds(120));

        var lanes = $"{edge.LaneCount} lanes, {stack.StoreIds.Count} stores";
        step($"6. edge: warm-up {edge.WarmUp.TotalSeconds:0} s at {edge.Rate:#,0} events/s ({lanes})");
        await Play(stack, edge, edge.Rate, edge.WarmUp, _ => true, seed: 1);
        step($"6. edge: measuring {edge.Measure.TotalSeconds:0} s at {edge.Rate:#,0} events/s");
        var cpu = new CpuShares([CpuShares.Runner, ("api", () => stack.ApiPids), ("gateways", () => stack.GatewayPids),
            ("mosquitto", () => CpuShares.ByCommand("mosquitto")), CpuShares.Postgres]);
        var cpuBefore = cpu.Sample();
        var runnerGc = RunnerGcWindow.Start();
        var (online, played) = await Play(stack, edge, edge.Rate, edge.Measure, _ => true, seed: 2);
        var cpuUsed = cpu.Describe(cpuBefore, cpu.Sample(), played);
        var runnerPauses = runnerGc.Describe();
        // Lanes send only inside the window and stop waiting when it closes, so answers per second of the window is
        // the rate; the few milliseconds spent stopping the lanes are not part of it.
        var seconds = Math.Min(played, edge.Measure.TotalSeconds);
        results.Add(Row($"6. edge: card swipe → display ({lanes})", online, "card", seconds, DisplayTarget));
        results.Add(Row($"6. edge: scan → display ({lanes})", online, "scan", seconds, DisplayTarget));
        results.Add(Row($"6. edge: every event → answer ({lanes}, open rate {edge.Rate:#,0}/s)", online, null, seconds, RateTarget));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"edge: {online.Events:#,0} events in {seconds:0.0} s, {online.Displays:#,0} displays, {online.Receipts:#,0} receipts, {online.Errors:#,0} refusals{Codes(online)}, {online.Timeouts:#,0} timeouts; CPU in the window: {cpuUsed} (the runner plays the 200 lanes); {runnerPauses}; late answers: {online.Latency.Stalls(StallThreshold, StallWindow, TimeProvider.System.TimestampFrequency).Describe("10 ms", "100-ms")}"));

        step("6. edge: outage — the api and its silo killed (SIGKILL)");
        await stack.KillApiAsync();
        await status.UntilAsync(() => status.AllReachable(stack.StoreIds, false), "every gateway noticing the outage", TimeSpan.FromSeconds(60));
        step($"6. edge: selling offline until {edge.ReplayEvents:#,0} events are journaled (at up to {edge.OfflineRate:#,0} events/s)");
        var (offline, offlineSeconds) = await Play(stack, edge, edge.OfflineRate, TimeSpan.FromMinutes(10), stats => stats.Displays < edge.ReplayEvents, seed: 3);
        var owed = await SettledBufferedCount(status, stack.StoreIds);
        step($"6. edge: {owed:#,0} events owed to the cluster ({offline.Events:#,0} sent in {offlineSeconds:0.0} s); bringing the cluster back");
        var restart = TimeProvider.System.GetTimestamp();
        await stack.StartApiAsync();
        var ready = TimeProvider.System.GetTimestamp();
        await status.UntilAsync(() => status.AllSettled(stack.StoreIds), "the replay to empty the journals", TimeSpan.FromMinutes(30));
        var replaySeconds = TimeProvider.System.GetElapsedTime(ready).TotalSeconds;
        var totalSeconds = TimeProvider.System.GetElapsedTime(restart).TotalSeconds;
        results.Add(new ScenarioResult($"6. edge: replay of the offline journal after an outage ({lanes})", owed, 0, replaySeconds, 0, 0, 0, Target.None,
            string.Create(CultureInfo.InvariantCulture, $"{owed:#,0} events in {replaySeconds:0.0} s from the cluster ready to every journal empty; {totalSeconds:0.0} s with the api's restart")));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"edge replay: journal of {owed:#,0} owed events made by selling offline through MQTT ({offline.Events:#,0} events sent at {offline.Events / Math.Max(0.001, offlineSeconds):#,0}/s, offline answers p99 {offline.Latency.Summary().P99:0.00} ms); replayed in {replaySeconds:0.0} s = {owed / Math.Max(0.001, replaySeconds):#,0} events/s"));
        return results;
    }

    private const string Database = "bench_edge";

    /// <summary>Plays every lane with the simulator's shoppers at <paramref name="rate"/> until the time is up or <paramref name="budgetLeft"/> says stop.</summary>
    private static async Task<(SimulationStats Stats, double Seconds)> Play(EdgeStack stack, EdgeSettings edge, double rate, TimeSpan duration, Func<SimulationStats, bool> budgetLeft, int seed)
    {
        var time = TimeProvider.System;
        var credentials = BrokerCredentials.Load(stack.CredentialsPath);
        var simulation = new SimulationSettings(stack.CredentialsPath, stack.StoreIds, null, rate, duration, null,
            FirstCard, FirstCard + Shoppers - 1, FirstPhone, FirstPhone + Shoppers - 1, [], TimeSpan.FromSeconds(5), seed, Quiet: true);
        var stats = new SimulationStats();
        var gate = new RateGate(rate, time);
        var runId = $"b{seed}{time.GetUtcNow().ToUnixTimeSeconds() % 100_000}";
        var runners = edge.StoreLanes
            .SelectMany(s => credentials.Lanes(s.StoreId).Take(s.Lanes).Select(lane => (s.StoreId, lane)))
            .Select((l, i) => new LaneRunner(l.StoreId, l.lane, runId, simulation, stats, gate, time, seed * 10_000 + i))
            .ToList();
        await Task.WhenAll(runners.Select(r => r.ConnectAsync(credentials, CancellationToken.None)));
        using var stop = new CancellationTokenSource(duration);
        var started = time.GetTimestamp();
        await Task.WhenAll(runners.Select(r => r.RunAsync(() => budgetLeft(stats), stop.Token)));
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        foreach (var runner in runners)
        {
            await runner.DisposeAsync();
        }
        return (stats, seconds);
    }

    /// <summary>The gateways' own count of events owed, once their 1 s status has caught up with the last events.</summary>
    private static async Task<long> SettledBufferedCount(GatewayStatusWatcher status, IReadOnlyList<string> stores)
    {
        var previous = -1L;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var now = status.Buffered(stores);
            if (now == previous)
            {
                return now;
            }
            previous = now;
        }
    }

    private static string Codes(SimulationStats stats) =>
        stats.ErrorsByCode.IsEmpty ? "" : $" ({string.Join(", ", stats.ErrorsByCode.OrderByDescending(e => e.Value).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:#,0}")))})";

    private static ScenarioResult Row(string scenario, SimulationStats stats, string? kind, double seconds, Target target)
    {
        var s = stats.Latency.Summary(kind);
        return new ScenarioResult(scenario, s.Count, stats.Timeouts, seconds, s.P50 * 1000, s.P99 * 1000, s.P999 * 1000, target);
    }
}

using System.Globalization;
using System.Text.Json;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: the real api (Release build, co-hosting its silo, env as deploy/run.sh sets it) driven by wrk on
/// loopback, and the ceiling: the trivial JSON endpoint of this project on the same Kestrel, same wrk.
/// </summary>
public sealed class HttpScenarios(BenchSettings settings, IReadOnlyList<BenchMember> members, BasketFactory baskets)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The quote's warm-up with the measured mix: long enough for tiered compilation to finish (BENCH_WARMUP_SECONDS if longer).</summary>
    private TimeSpan HttpWarmUp => settings.WarmUp > TimeSpan.FromSeconds(15) ? settings.WarmUp : TimeSpan.FromSeconds(15);

    private string WrkScript(string name) => Path.Combine(AppContext.BaseDirectory, "wrk", name);

    public async Task<IReadOnlyList<ScenarioResult>> QuoteOverHttp(string connectionString, (int Connections, Target Target)[] runs)
    {
        await using var api = await ApiProcess.Start(settings, connectionString, workloadRules: true, "api.log");
        var baseUrl = api.BaseAddress.ToString().TrimEnd('/');
        var token = await api.Token("admin", settings.AdminPassword);

        var membersFile = Path.Combine(settings.WorkDir, "quote-members.csv");
        await File.WriteAllLinesAsync(membersFile, members.Take(WorkloadShape.QuoteMembers).Select(m => $"{m.CardNo},{m.CouponCode}"));
        var basketsFile = Path.Combine(settings.WorkDir, "baskets.jsonl");
        await File.WriteAllLinesAsync(basketsFile, Enumerable.Range(0, baskets.Count).Select(b => JsonSerializer.Serialize(baskets.Lines(b).Select(l =>
            new { l.LineId, l.Sku, Qty = l.WeightGrams is null ? l.Qty : (int?)null, l.WeightGrams }), Web)));

        var url = baseUrl + "/";
        var script = WrkScript("quote.lua");
        // Warm-up: every quote member once, in order, so the measured runs find their grains active (as a lane's would
        // be in a store that has been open for an hour); the script stops once it has been through them all.
        Console.Error.WriteLine("  http: warming up (activating the quote members in the api's silo)");
        var warm = await Wrk.Run("warm-up", url, script, 2, 32, TimeSpan.FromSeconds(300),
            [token, membersFile, basketsFile, "sequential", "2"], Target.None, untilThreadsStop: true);
        Console.Error.WriteLine($"  http: warm-up {warm.Ops} quotes, {warm.Throughput:0}/s");
        // Then the measured mix itself for a while: the activations alone leave much of the request path still in
        // tier-0 or instrumented code, and the first measured seconds would time the JIT tiering it up.
        var mixed = await Wrk.Run("warm-up", url, script, 2, 64, HttpWarmUp, [token, membersFile, basketsFile, "random", "2"], Target.None);
        Console.Error.WriteLine($"  http: warm-up with the measured mix {mixed.Ops} quotes, {mixed.Throughput:0}/s");
        var results = new List<ScenarioResult>();
        foreach (var (connections, target) in runs)
        {
            results.Add(await Wrk.Run($"2. quote, HTTP loopback (wrk -t2 -c{connections})", url, script, 2, connections, settings.Measure,
                [token, membersFile, basketsFile, "random", "2"], target));
            Console.Error.WriteLine($"  {results[^1].Scenario}: {results[^1].Throughput:0}/s, p99 {ScenarioResult.Ms(results[^1].P99Us)} → {results[^1].Verdict()}");
        }
        return results;
    }

    public async Task<ScenarioResult> TrivialCeiling(int connections)
    {
        var env = new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Warning" };
        await using var server = ChildProcess.Start("dotnet", [typeof(HttpScenarios).Assembly.Location, "--trivial-server",
            settings.TrivialPort.ToString(CultureInfo.InvariantCulture)], env, Path.Combine(settings.WorkDir, "trivial.log"));
        var baseUrl = $"http://127.0.0.1:{settings.TrivialPort}";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await ApiProcess.WaitFor(http, "/health", server, TimeSpan.FromSeconds(60));
        var script = WrkScript("trivial.lua");
        await Wrk.Run("warm-up", baseUrl + "/", script, 2, connections, settings.WarmUp, [], Target.None);
        return await Wrk.Run($"ceiling: trivial JSON POST (wrk -t2 -c{connections})", baseUrl + "/", script, 2, connections, settings.Measure, [], Target.None);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// Reports and the purchase analysis over a year of a 20-store chain (<see cref="ReportHistory"/>), through the api over
/// HTTP, one request at a time: what a manager waits for when they open a report, and how long the nightly run takes.
/// </summary>
public static class ReportScenarios
{
    private const int AnalysisRuns = 3;

    public static async Task<IReadOnlyList<ScenarioResult>> Run(BenchSettings settings, List<string> notes, Action<string> step)
    {
        await Databases.Recreate(settings, Databases.Reports);
        var db = settings.Database(Databases.Reports);
        await Databases.Migrate(db);
        var now = TimeProvider.System.GetUtcNow();
        step($"7. reports: loading a year of {ReportHistory.Stores} stores ({ReportHistory.Members:#,0} members, {ReportHistory.Sales:#,0} sales) inside PostgreSQL");
        var loading = Stopwatch.StartNew();
        await ReportHistory.Load(db, now);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"reports (7.): {ReportHistory.Members:#,0} members and {ReportHistory.Sales:#,0} sales (+2 % returns, and their ~1,900,000 ledger entries) over a year of {ReportHistory.Stores} stores, generated in PostgreSQL in {loading.Elapsed.TotalSeconds:0} s; each report asked one at a time over HTTP with a head-office token"));

        step("7. reports: starting the api (Release)");
        await using var api = await ApiProcess.Start(settings, db, workloadRules: false, "api-reports.log");
        // A client of its own: an analysis run takes longer than HttpClient's default 100 s may allow on a slow host.
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.Token("admin", settings.AdminPassword));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        string Range(int days) => $"from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        // The api's start-up catch-up run (no run yet) holds the lock; this first run waits for it and warms up.
        step("7. reports: purchase analysis, warm-up");
        await Request(http, HttpMethod.Post, "/api/v1/reports/analysis/refresh");
        var results = new List<ScenarioResult>
        {
            await Measure(step, http, HttpMethod.Post, $"7. purchase analysis run ({ReportHistory.Members:#,0} members, one run at a time)", "/api/v1/reports/analysis/refresh", AnalysisRuns),
            await Measure(step, http, HttpMethod.Get, "7. sales report, chain, 30 days by day", $"/api/v1/reports/sales?{Range(30)}", 20),
            await Measure(step, http, HttpMethod.Get, "7. sales report, one store, 30 days by day", $"/api/v1/reports/sales?{Range(30)}&storeId=s007", 50),
            await Measure(step, http, HttpMethod.Get, "7. sales report, chain, 365 days by month, as Excel", $"/api/v1/reports/sales?{Range(365)}&by=month&format=xlsx", 5),
            await Measure(step, http, HttpMethod.Get, "7. category report, chain, 30 days", $"/api/v1/reports/categories?{Range(30)}", 20),
            await Measure(step, http, HttpMethod.Get, "7. members report, chain, 30 days by day", $"/api/v1/reports/members?{Range(30)}", 20),
            await Measure(step, http, HttpMethod.Get, "7. segments report, chain", "/api/v1/reports/segments", 50),
            await Measure(step, http, HttpMethod.Get, "7. points and stored value, one store, 30 days by day", $"/api/v1/reports/ledger?{Range(30)}&storeId=s007", 20),
            await Measure(step, http, HttpMethod.Get, "7. points and stored value, chain, 30 days, with what is owed", $"/api/v1/reports/ledger?{Range(30)}", 10),
        };
        var run = results[0];
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"reports (7.): a purchase analysis run scores {ReportHistory.Members / (run.P50Us / 1_000_000):#,0} members/s (median run {run.P50Us / 1_000_000:0.0} s); the nightly window is hours"));
        return results;
    }

    private static async Task<ScenarioResult> Measure(Action<string> step, HttpClient http, HttpMethod method, string scenario, string path, int times)
    {
        step(scenario);
        await Request(http, method, path);
        var histogram = new LatencyHistogram();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await Request(http, method, path);
            histogram.RecordTicks(Stopwatch.GetTimestamp() - start);
        }
        return histogram.ToResult(scenario, 0, total.Elapsed.TotalSeconds, Target.None);
    }

    private static async Task Request(HttpClient http, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansLoyalty.Benchmarks.Edge;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Scenarios;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks;

/// <summary>
/// <c>OrleansLoyalty.Benchmarks</c> — every scenario of issue 3 "Performance" and issue 5's dashboard fan-out in one
/// run (bench/run.sh starts it). <c>--only grain|http|stateless|pgbench|dashboard</c> (comma-separated or repeated) —
/// just those groups, replacing their rows in the saved results. <c>--trivial-server PORT</c> — the ceiling's trivial
/// JSON endpoint. <c>--render</c> — docs/benchmarks.md again from the saved results.
/// </summary>
public static class Program
{
    private static readonly Target QuoteInProcess = new(1, null);
    private static readonly Target QuoteHttp = new(2, 20_000);
    private static readonly Target CommitDurable = new(10, 5_000);

    public static async Task<int> Main(string[] args)
    {
        // As the product's silo runs (this process hosts one for rows 1 and 3), and so do the trivial server and every
        // other child started from here, unless the environment says otherwise (docs/operations.md, "Socket completions").
        Silo.Hosting.InlineSocketCompletions.PreferUnlessSet();
        if (args is ["--trivial-server", var port])
        {
            await TrivialServer.Run(int.Parse(port, CultureInfo.InvariantCulture));
            return 0;
        }
        var settings = BenchSettings.FromEnvironment();
        Directory.CreateDirectory(settings.WorkDir);
        var resultsPath = Path.Combine(settings.WorkDir, "results.json");
        var analysisPath = Path.Combine(settings.RepoRoot, "bench", "analysis.md");
        if (args is ["--render"])
        {
            Render(BenchReport.Load(resultsPath), settings, analysisPath);
            return 0;
        }
        var groups = BenchGroups.Parse(args);
        var report = new BenchReport(Hardware.Describe(), [], [], "");
        report = await RunAll(settings, report, groups);
        if (groups.IsPartial && File.Exists(resultsPath))
        {
            report = Merge(BenchReport.Load(resultsPath), report, groups);
        }
        report.Save(resultsPath);
        Console.WriteLine();
        Console.WriteLine(report.Table());
        foreach (var ratio in report.Ratios())
        {
            Console.WriteLine(ratio);
        }
        Render(report, settings, analysisPath);
        return 0;
    }

    /// <summary>The saved run with this partial run's groups replaced (rows keep the saved order; new ones go last).</summary>
    private static BenchReport Merge(BenchReport saved, BenchReport partial, BenchGroups groups)
    {
        var results = saved.Results.Where(r => !groups.Owns(r.Scenario)).Concat(partial.Results).ToList();
        var notes = saved.Notes.Where(n => !groups.Owns(n)).Concat(partial.Notes).ToList();
        return saved with { Results = results, Notes = notes, LoadAverageAtEnd = partial.LoadAverageAtEnd };
    }

    private static void Render(BenchReport report, BenchSettings settings, string analysisPath)
    {
        var analysis = File.Exists(analysisPath) ? File.ReadAllText(analysisPath) : "";
        File.WriteAllText(settings.OutputMarkdown, report.Markdown(analysis));
        Console.WriteLine($"wrote {settings.OutputMarkdown}");
    }

    private static void Step(string text) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {text}");

    private static async Task<BenchReport> RunAll(BenchSettings s, BenchReport report, BenchGroups groups)
    {
        var results = report.Results;
        var steal = StealWindow.Start();
        var runId = "bench" + TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (groups.Runs(BenchGroups.Pricing))
        {
            results.AddRange(PricingMicro.Run(s, report.Notes, Step).Select(Print));
        }
        if (groups.NeedsMembers)
        {
            await RunIssue3(s, report, groups, runId);
        }
        else if (groups.Runs(BenchGroups.Pgbench))
        {
            Step("ceiling: pgbench");
            results.Add(Print(await CpuShares.Measure(() => PgbenchCeiling.Run(s, 16))));
        }

        if (groups.Runs(BenchGroups.Edge))
        {
            foreach (var row in await EdgeScenarios.Run(s, report.Notes, Step))
            {
                results.Add(Print(row));
            }
        }

        if (groups.Runs(BenchGroups.Dashboard))
        {
            var fanOut = await new DashboardFanOut(s, Step).Run(runId);
            foreach (var r in fanOut.Results)
            {
                results.Add(Print(r));
            }
            report.Notes.AddRange(fanOut.Notes);
            foreach (var note in fanOut.Notes)
            {
                Step(note);
            }
        }
        if (groups.Runs(BenchGroups.Reports))
        {
            foreach (var row in await ReportScenarios.Run(s, report.Notes, Step))
            {
                results.Add(Print(row));
            }
        }
        if (!groups.IsPartial)
        {
            var stolen = steal.Cores();
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"CPU steal over the whole run: {stolen:0.00} of {Environment.ProcessorCount} cores on average ({stolen / Environment.ProcessorCount:0%}): time the host ran other guests while this one was ready; every row was measured on that much less machine"));
        }
        return report with { LoadAverageAtEnd = Hardware.LoadAverageNow() };
    }

    /// <summary>Issue 3's scenarios, in their fixed order: they share the members loaded first.</summary>
    private static async Task RunIssue3(BenchSettings s, BenchReport report, BenchGroups groups, string runId)
    {
        var results = report.Results;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Func<DateTimeOffset> storeLocalNow = () => TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone);
        var today = DateOnly.FromDateTime(storeLocalNow().DateTime);

        Step("building the workload (50,000 SKUs, 200 campaigns, 1,000 distinct 20-line baskets)");
        var products = CatalogFactory.Products();
        var baskets = new BasketFactory(products);
        var engine = new PricingEngine(Programme.Default, new Catalog(products), CampaignFactory.Build(), CampaignFactory.CouponTemplates());

        Step("fresh database for the silo, schema");
        await Databases.Recreate(s, Databases.Orleans);
        // Both of the silo's pools (Orleans' ADO.NET providers and the grains' NpgsqlDataSource) use this string and
        // each defaults to 100 connections: together more than postgres.sh's max_connections (200 − 3 reserved).
        var orleansDb = new NpgsqlConnectionStringBuilder(s.Database(Databases.Orleans)) { MaxPoolSize = 60 }.ConnectionString;
        await Databases.Migrate(orleansDb);

        BenchMember[] members;
        CommitPlan plan;
        await using (var silo = await InProcessSilo.Start(s, orleansDb))
        {
            var relaxed = await Databases.SetSynchronousCommit(s, on: false);
            Step($"registering {WorkloadShape.Members:#,0} members with cards through grain calls{(relaxed ? " (synchronous_commit off while loading)" : "")}");
            var loadStart = TimeProvider.System.GetTimestamp();
            members = await MemberLoader.Register(silo.Grains, WorkloadShape.Members, 64, new Progress<int>(n => Step($"  {n:#,0} registered")));
            var loadSeconds = TimeProvider.System.GetElapsedTime(loadStart).TotalSeconds;
            await Databases.SetSynchronousCommit(s, on: true);
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"loading: {WorkloadShape.Members:#,0} members registered with a bound card in {loadSeconds:0} s ({WorkloadShape.Members / loadSeconds:#,0}/s, through grain calls{(relaxed ? ", synchronous_commit off while loading only" : "")})"));
            plan = new CommitPlan(engine, baskets, members, m => CommitPlan.FreshMember(m, today), storeLocalNow());

            var grains = new GrainScenarios(silo.Grains, members, baskets, plan, runId);
            if (groups.Runs(BenchGroups.Grain))
            {
                Step("1. quote through grain calls, concurrency 1");
                results.Add(Print(await grains.Quote("1. quote, grain call (c=1)", 1, s.WarmUp, s.Measure, QuoteInProcess)));
                Step("1. quote through grain calls, concurrency 64");
                results.Add(Print(await grains.Quote("1. quote, grain call (c=64)", 64, s.WarmUp, s.Measure, QuoteInProcess)));
                var quoter = silo.Services.GetRequiredService<OrleansLoyalty.Grains.Checkout.Quoter>();
                Step("1b. quote in the silo's process (the api's and lanes' path), concurrency 1");
                results.Add(Print(await grains.QuoteInSilo("1b. quote, in-silo Quoter (c=1)", 1, s.WarmUp, s.Measure, quoter, QuoteInProcess)));
                Step("1b. quote in the silo's process (the api's and lanes' path), concurrency 64");
                results.Add(Print(await grains.QuoteInSilo("1b. quote, in-silo Quoter (c=64)", 64, s.WarmUp, s.Measure, quoter, QuoteInProcess)));
            }
            if (groups.Runs(BenchGroups.Grain) || groups.Runs(BenchGroups.Commit))
            {
                // BENCH_COMMIT_VIA=grain commits through each txnId's checkout grain instead, to compare the two paths.
                if (Environment.GetEnvironmentVariable("BENCH_COMMIT_VIA") == "grain")
                {
                    Step("3. commit through each txnId's checkout grain, concurrency 64, durable on PostgreSQL");
                    results.Add(Print(await CpuShares.Measure(() => grains.Commit("3. commit, checkout grain per txnId, durable (c=64)", 64, s.WarmUp, s.Measure,
                        request => silo.Grains.GetGrain<OrleansLoyalty.Contracts.Checkout.ICheckoutGrain>(request.TxnId).Commit(request), CommitDurable))));
                }
                else
                {
                    var committer = silo.Services.GetRequiredService<OrleansLoyalty.Grains.Checkout.Committer>();
                    Step("3. commit in the silo's process (the api's and lanes' path), concurrency 64, durable on PostgreSQL");
                    results.Add(Print(await CpuShares.Measure(() => grains.Commit("3. commit, in-silo Committer, durable (c=64)", 64, s.WarmUp, s.Measure,
                        committer.Commit, CommitDurable))));
                    Step("3b. commit paid from the card's stored value (the card's debit records the plan, the member's write completes it), concurrency 64");
                    results.Add(Print(await CpuShares.Measure(() => grains.CommitFromStoredValue("3b. commit, stored value on the card, durable (c=64)", 64,
                        s.WarmUp, s.Measure, committer.Commit, CommitDurable))));
                }
            }
            Step("stopping the in-process silo (the api's silo takes over the same database)");
        }

        if (groups.Runs(BenchGroups.Http))
        {
            var http = new HttpScenarios(s, members, baskets);
            Step("2. quote over HTTP: starting the api (Release) with the benchmark's rules");
            results.AddRange(await http.QuoteOverHttp(orleansDb, [(16, QuoteHttp), (64, QuoteHttp)]));
            Step("ceiling: trivial JSON POST");
            results.Add(Print(await http.TrivialCeiling(64)));
        }

        if (groups.Runs(BenchGroups.Stateless))
        {
            Step("4. stateless service: fresh database, 100,000 wallet rows");
            await Databases.Recreate(s, Databases.Stateless);
            await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(s.Database(Databases.Stateless)) { MaxPoolSize = 100 }.ConnectionString);
            await StatelessService.Load(db, members, today);
            var stateless = new StatelessScenarios(new StatelessService(db, engine, storeLocalNow), members, baskets, plan, runId);
            results.Add(Print(await stateless.Quote("4. stateless quote (c=1)", 1, s.WarmUp, s.Measure)));
            results.Add(Print(await stateless.Quote("4. stateless quote (c=64)", 64, s.WarmUp, s.Measure)));
            results.Add(Print(await CpuShares.Measure(() => stateless.Commit("4. stateless commit (c=64)", 64, s.WarmUp, s.Measure))));
        }

        if (groups.Runs(BenchGroups.Pgbench))
        {
            Step("ceiling: pgbench");
            results.Add(Print(await CpuShares.Measure(() => PgbenchCeiling.Run(s, 16))));
        }
    }

    private static ScenarioResult Print(ScenarioResult r)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {r.Scenario}: {r.Ops:#,0} ops, {r.Throughput:#,0}/s, p50 {ScenarioResult.Ms(r.P50Us)}, p99 {ScenarioResult.Ms(r.P99Us)}, p99.9 {ScenarioResult.Ms(r.P999Us)}, errors {r.Errors} → {r.Verdict()}"));
        return r;
    }
}

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// Group <c>pricing</c>: <see cref="PricingEngine.Price"/> alone — no grains, network or database — on the benchmark's
/// rules (50,000 SKUs, 200 campaigns) and quotes shaped like the api's: a 20-line basket, an identified member as
/// freshly registered (standard tier, 100 points, the sign-up coupon), that coupon and the public one, 100 points
/// redeemed. One thread, then two threads sharing one engine; a warm-up, then every quote is timed. The CPU one
/// quote costs, and what it allocates (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), which is deterministic
/// and so comparable on a busy machine when timings are not.
/// </summary>
public static class PricingMicro
{
    /// <summary>
    /// 20,000 HTTP quotes/s on 2 cores leave about 25 µs of CPU for pricing a quote. The rows carry no target: on a
    /// shared 2-core machine the mean (hence throughput) follows whoever else holds the cores; compare the p50 and
    /// the bytes per quote (deterministic) with that budget instead.
    /// </summary>
    private const double BudgetMicroseconds = 25;

    /// <summary>A Tuesday (no member day), fixed so that runs on different days price the same baskets the same way.</summary>
    private static readonly DateTimeOffset StoreLocalTime = new(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(8));

    private const int DistinctQuotes = 4_096;

    public static IReadOnlyList<ScenarioResult> Run(BenchSettings settings, List<string> notes, Action<string> step)
    {
        step("pricing: building the catalog and the engine (50,000 SKUs, 200 campaigns)");
        var products = CatalogFactory.Products();
        var started = Stopwatch.GetTimestamp();
        var catalog = new Catalog(products);
        var catalogMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var engine = new PricingEngine(Programme.Default, catalog, CampaignFactory.Build(), CampaignFactory.CouponTemplates());
        var engineMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var requests = Requests(new BasketFactory(products));
        foreach (var request in requests)
        {
            if (engine.Price(request).Error is { } error)
            {
                throw new InvalidOperationException($"the pricing workload does not price: {error.Code} {error.Detail}");
            }
        }
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"pricing: catalog built in {catalogMs:0} ms, engine in {engineMs:0} ms (once per rules change and store); {DistinctQuotes:#,0} distinct quotes, store-local time {StoreLocalTime:yyyy-MM-dd HH:mm} (not a member day)"));

        step("pricing: PricingEngine.Price, 1 thread");
        var one = Measure("pricing: PricingEngine.Price, 1 thread", engine, requests, 1, settings);
        step("pricing: PricingEngine.Price, 2 threads, one shared engine");
        var two = Measure("pricing: PricingEngine.Price, 2 threads", engine, requests, 2, settings);
        return [one, two];
    }

    /// <summary>The quotes the api would make for the first members: basket i, member i, their coupon and the public one.</summary>
    private static PricingRequest[] Requests(BasketFactory baskets)
    {
        var registeredOn = DateOnly.FromDateTime(StoreLocalTime.DateTime).AddDays(-3);
        var requests = new PricingRequest[DistinctQuotes];
        for (var i = 0; i < requests.Length; i++)
        {
            var member = new BenchMember(i, WorkloadShape.MemberId(i), WorkloadShape.CardNo(i), $"C-{i:X4}-BNCH");
            requests[i] = new PricingRequest(WorkloadShape.StoreId, "L01", StoreLocalTime, CommitPlan.FreshMember(member, registeredOn),
                baskets.Lines(i), [member.CouponCode, WorkloadShape.PublicCouponCode], RedeemPoints: 100);
        }
        return requests;
    }

    /// <summary>
    /// The request as the api hands it to the engine, just read from JSON: lines, SKUs and codes are new objects
    /// (a look-up cannot succeed on reference equality with the catalog's strings) and in cache, while the catalog
    /// is wherever the rest of the process left it. Made outside the timed part.
    /// </summary>
    private static PricingRequest AsJustDeserialized(PricingRequest request) => request with
    {
        Lines = [.. request.Lines.Select(line => line with { LineId = Copy(line.LineId), Sku = Copy(line.Sku) })],
        CouponCodes = [.. request.CouponCodes.Select(Copy)],
    };

    private static string Copy(string text) => new(text.AsSpan());
    private static ScenarioResult Measure(string name, PricingEngine engine, PricingRequest[] requests, int threads, BenchSettings settings)
    {
        var warmUntil = Stopwatch.GetTimestamp() + (long)(settings.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = warmUntil + (long)(settings.Measure.TotalSeconds * Stopwatch.Frequency);
        var loops = new Loop[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var loop = loops[t] = new Loop(engine, requests, t * requests.Length / threads);
            workers[t] = new Thread(() => loop.Run(warmUntil, measureUntil)) { IsBackground = true, Name = $"pricing-{t}" };
        }
        foreach (var worker in workers)
        {
            worker.Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }
        var histogram = LatencyHistogram.Merge(loops.Select(l => l.Latency));
        var quotes = loops.Sum(l => l.Quotes);
        var bytesPerQuote = quotes == 0 ? 0 : loops.Sum(l => l.AllocatedBytes) / quotes;
        // Throughput over the time the threads spent inside Price, not the wall clock: the request copies between
        // quotes and, on a shared machine, the time other processes hold the cores are not pricing.
        var secondsPricing = loops.Sum(l => l.PricingTicks) / (double)Stopwatch.Frequency / threads;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"p50 {histogram.PercentileUs(50):0.0} µs, p99 {histogram.PercentileUs(99):0.0} µs per quote (budget {BudgetMicroseconds} µs), {bytesPerQuote:#,0} B allocated per quote; throughput per second inside Price");
        Console.Error.WriteLine($"  {name}: {note}");
        return histogram.ToResult(name, 0, secondsPricing, Target.None, note);
    }

    /// <summary>One thread's quotes: round-robin over the requests from its own starting point.</summary>
    private sealed class Loop(PricingEngine engine, PricingRequest[] requests, int start)
    {
        public LatencyHistogram Latency { get; } = new();
        public long Quotes { get; private set; }

        /// <summary>Time spent inside <see cref="PricingEngine.Price"/> (stopwatch ticks).</summary>
        public long PricingTicks { get; private set; }
        /// <summary>Allocated inside <see cref="PricingEngine.Price"/> only (the request's copy is not counted).</summary>
        public long AllocatedBytes { get; private set; }

        /// <summary>Kept so the JIT cannot treat a quote's result as unused.</summary>
        public long Checksum { get; private set; }

        public void Run(long warmUntil, long measureUntil)
        {
            var next = start;
            while (Stopwatch.GetTimestamp() < warmUntil)
            {
                Checksum += engine.Price(AsJustDeserialized(requests[next++ % requests.Length])).Total;
            }
            while (true)
            {
                var request = AsJustDeserialized(requests[next++ % requests.Length]);
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var began = Stopwatch.GetTimestamp();
                if (began >= measureUntil)
                {
                    break;
                }
                Checksum += engine.Price(request).Total;
                var ticks = Stopwatch.GetTimestamp() - began;
                Latency.RecordTicks(ticks);
                PricingTicks += ticks;
                AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Quotes++;
            }
        }
    }
}

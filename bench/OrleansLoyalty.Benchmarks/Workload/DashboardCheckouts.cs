using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// The committed checkouts of the dashboard fan-out: small member baskets whose lines carry their own price and
/// category (rest.md: a line may override the catalog), so the 20 stores need no catalog. Totals are worked out
/// beforehand with the same rules code and the default programme for a standard member, the tender pays exactly
/// that; members are reused, so none may reach the silver tier (2 % off) during the run.
/// </summary>
public sealed class DashboardCheckouts
{
    private const int DistinctBaskets = 16;
    private static readonly string[][] Categories = [["食品", "乳制品"], ["食品", "饮料"], ["日用品", "清洁"], ["生鲜", "水果"], ["食品", "零食"]];

    private readonly IReadOnlyList<BenchMember> _members;
    private readonly string[] _linesJson = new string[DistinctBaskets];
    private readonly long[] _totals = new long[DistinctBaskets];

    public DashboardCheckouts(IReadOnlyList<BenchMember> members, DateOnly registeredOn, DateTimeOffset storeLocalNow)
    {
        _members = members;
        var engine = new PricingEngine(Programme.Default, new Catalog([]), [], []);
        var random = new Random(WorkloadShape.Seed + 5);
        for (var b = 0; b < DistinctBaskets; b++)
        {
            // At most ¥99 a basket: a member's 20 visits stay under the silver tier's ¥2,000 (DashboardShape.MaxVisitsPerMember).
            var lines = Enumerable.Range(1, random.Next(3, 6)).Select(l => new BasketLine($"l{l}", $"DSH{b:D2}{l}", random.Next(1, 3),
                UnitPrice: random.Next(0, 9) * 100 + 90 + random.Next(0, 10), CategoryPath: [.. Categories[random.Next(Categories.Length)]])).ToImmutableArray();
            var result = engine.Price(new PricingRequest(DashboardShape.StoreId(0), "L01", storeLocalNow,
                CommitPlan.FreshMember(members[0], registeredOn), lines, [], 0));
            _totals[b] = result.Error is null ? result.Total : throw new InvalidOperationException(result.Error.Detail);
            _linesJson[b] = JsonSerializer.Serialize(lines.Select(l => new { lineId = l.LineId, sku = l.Sku, qty = l.Qty, unitPrice = l.UnitPrice, categoryPath = l.CategoryPath }));
        }
    }

    public static int StoreOf(long n) => (int)(n % DashboardShape.Stores);

    /// <summary>The n-th commit of the run: its store, and the JSON body of <c>POST /api/v1/checkout/commit</c>.</summary>
    public (int Store, string Body) Commit(string runId, long n)
    {
        var store = StoreOf(n);
        var member = _members[(int)(n % _members.Count)];
        var basket = (int)(n / DashboardShape.Stores % DistinctBaskets);
        var lane = "L" + (1 + n / DashboardShape.Stores % DashboardShape.LanesPerStore).ToString("D2", CultureInfo.InvariantCulture);
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"storeId":"{{DashboardShape.StoreId(store)}}","laneId":"{{lane}}","txnId":"{{runId}}-{{n}}","member":{"cardNo":"{{member.CardNo}}"},"lines":{{_linesJson[basket]}},"tenders":[{"kind":"wechatpay","amount":{{_totals[basket]}}}]}""");
        return (store, body);
    }
}

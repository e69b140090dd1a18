using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// The chain's figures: the sum of each store's latest contribution for today. Keeping the latest
/// whole contribution per store (not deltas) makes a lost or repeated report harmless.
/// </summary>
internal sealed class ChainFigures(TimeZoneInfo zone, DashboardOptions options)
{
    private readonly Dictionary<string, StoreContribution> _stores = [];
    private readonly HashSet<string> _changedStores = [];
    private readonly ActivityLog _activity = new(options.ActivityLength);

    public bool Dirty { get; private set; }

    public long Seq { get; private set; }

    public void Report(StoreContribution contribution)
    {
        if (_stores.TryGetValue(contribution.StoreId, out var known) && known.Date > contribution.Date)
        {
            return; // a late report of yesterday after today's arrived
        }
        _stores[contribution.StoreId] = contribution;
        _changedStores.Add(contribution.StoreId);
        _activity.AddRange(contribution.NewActivity);
        Dirty = true;
    }

    public DashboardSnapshot ToSnapshot(DateTimeOffset now, string epoch)
    {
        var today = Today(now);
        return new DashboardSnapshot
        {
            Scope = DashboardScopes.Chain,
            Epoch = epoch,
            Seq = Seq,
            Date = LocalDay.DateOf(now, zone),
            TimeZone = zone.Id,
            At = TimeZoneInfo.ConvertTime(now, zone),
            Figures = FiguresMath.Sum(today.Select(s => s.Figures)),
            Minutes = Minutes(today, now),
            TopCategories = TopCategories(today),
            TierMix = TierMix(today),
            Stores = [.. today.Select(Ranking).OrderByDescending(r => r.NetSales).ThenBy(r => r.StoreId, StringComparer.Ordinal)],
            Activity = _activity.Recent,
        };
    }

    public DashboardUpdate TakeUpdate(DateTimeOffset now, string epoch)
    {
        var today = Today(now);
        Dirty = false;
        Seq++;
        var changed = _changedStores.Where(_stores.ContainsKey).Select(id => _stores[id]).ToArray();
        _changedStores.Clear();
        return new DashboardUpdate
        {
            Scope = DashboardScopes.Chain,
            Epoch = epoch,
            Seq = Seq,
            Date = LocalDay.DateOf(now, zone),
            At = TimeZoneInfo.ConvertTime(now, zone),
            Figures = FiguresMath.Sum(today.Select(s => s.Figures)),
            // The chain sends its whole hour each time: 60 small points, at most a few times a second.
            Minutes = Minutes(today, now),
            TopCategories = TopCategories(today),
            TierMix = TierMix(today),
            Stores = [.. changed.Select(c => IsToday(c, now) ? Ranking(c) : new StoreRanking { StoreId = c.StoreId })],
            Activity = _activity.TakeForUpdate(),
        };
    }

    private List<StoreContribution> Today(DateTimeOffset now) => [.. _stores.Values.Where(s => IsToday(s, now))];

    /// <summary>
    /// A store counts with today's figures in the chain's zone; one that has not reported since
    /// yesterday has sold nothing today.
    /// </summary>
    private bool IsToday(StoreContribution store, DateTimeOffset now) => store.Date == LocalDay.DateOf(now, zone);

    private static StoreRanking Ranking(StoreContribution c) => new()
    {
        StoreId = c.StoreId,
        NetSales = c.Figures.NetSales,
        Transactions = c.Figures.Transactions,
        MemberShareBasisPoints = c.Figures.MemberShareBasisPoints,
        LanesOnline = c.Figures.LanesOnline,
        LanesTotal = c.Figures.LanesTotal,
    };

    private IReadOnlyList<MinutePoint> Minutes(IEnumerable<StoreContribution> stores, DateTimeOffset now)
    {
        var newest = LocalDay.MinuteIndex(now);
        var sums = new Dictionary<long, (long NetSales, long Transactions)>();
        foreach (var point in stores.SelectMany(s => s.Minutes))
        {
            var minute = LocalDay.MinuteIndex(point.Minute);
            sums.TryGetValue(minute, out var sum);
            sums[minute] = (sum.NetSales + point.NetSales, sum.Transactions + point.Transactions);
        }
        var points = new MinutePoint[MinuteSeries.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var minute = newest - MinuteSeries.Length + 1 + i;
            sums.TryGetValue(minute, out var sum);
            points[i] = new MinutePoint(LocalDay.MinuteStart(minute, zone), sum.NetSales, sum.Transactions);
        }
        return points;
    }

    private IReadOnlyList<CategorySales> TopCategories(IEnumerable<StoreContribution> stores) =>
        [.. stores.SelectMany(s => s.Categories)
            .GroupBy(c => c.Category)
            .Select(g => new CategorySales(g.Key, g.Sum(c => c.NetSales)))
            .OrderByDescending(c => c.NetSales).ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(options.TopCategories)];

    private static IReadOnlyList<TierSales> TierMix(IEnumerable<StoreContribution> stores) =>
        [.. stores.SelectMany(s => s.TierMix)
            .GroupBy(t => t.Tier)
            .Select(g => new TierSales(g.Key, g.Sum(t => t.Transactions), g.Sum(t => t.GrossSales)))
            .OrderByDescending(t => t.GrossSales).ThenBy(t => t.Tier, StringComparer.Ordinal)];
}

using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>
/// Folding updates: into the snapshot a newcomer gets, and into one pending update while the group
/// waits for its next slot. Every value in an update is absolute, so both folds are idempotent.
/// (The console does the same in <c>src/dashboard/merge.ts</c>.)
/// </summary>
public static class DashboardMerge
{
    /// <summary>An update the snapshot already contains (same activation, not newer).</summary>
    public static bool IsStale(DashboardSnapshot snapshot, DashboardUpdate update) =>
        update.Epoch == snapshot.Epoch && update.Seq <= snapshot.Seq;

    public static DashboardSnapshot Apply(DashboardSnapshot snapshot, DashboardUpdate update, int activityLength) => snapshot with
    {
        Epoch = update.Epoch,
        Seq = update.Seq,
        Date = update.Date,
        At = update.At,
        Figures = update.Figures,
        Minutes = HourEndingAt(Upsert(snapshot.Minutes, update.Minutes, m => m.Minute), update.At),
        TopCategories = update.TopCategories,
        TierMix = update.TierMix,
        Lanes = [.. Upsert(snapshot.Lanes, update.Lanes, l => l.LaneId).OrderBy(l => l.LaneId, StringComparer.Ordinal)],
        Stores = [.. Upsert(snapshot.Stores, update.Stores, s => s.StoreId)
            .OrderByDescending(s => s.NetSales).ThenBy(s => s.StoreId, StringComparer.Ordinal)],
        Activity = Activity(update.Activity, snapshot.Activity, activityLength),
    };

    /// <summary>One update that says what <paramref name="older"/> and then <paramref name="newer"/> said.</summary>
    public static DashboardUpdate Merge(DashboardUpdate older, DashboardUpdate newer, int activityLength) => newer with
    {
        Minutes = [.. Upsert(older.Minutes, newer.Minutes, m => m.Minute).OrderBy(m => m.Minute)],
        Lanes = [.. Upsert(older.Lanes, newer.Lanes, l => l.LaneId).OrderBy(l => l.LaneId, StringComparer.Ordinal)],
        Stores = [.. Upsert(older.Stores, newer.Stores, s => s.StoreId)],
        Activity = Activity(newer.Activity, older.Activity, activityLength),
    };

    private static List<T> Upsert<T, TKey>(IEnumerable<T> old, IEnumerable<T> replacements, Func<T, TKey> key) where TKey : notnull
    {
        var byKey = new Dictionary<TKey, T>();
        var order = new List<TKey>();
        foreach (var item in old.Concat(replacements))
        {
            if (!byKey.ContainsKey(key(item)))
            {
                order.Add(key(item));
            }
            byKey[key(item)] = item;
        }
        return [.. order.Select(k => byKey[k])];
    }

    /// <summary>60 points, one per minute, ending with the newest known minute; gaps are zeros.</summary>
    private static IReadOnlyList<MinutePoint> HourEndingAt(List<MinutePoint> points, DateTimeOffset at)
    {
        var current = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute));
        var newest = points.Count == 0 ? current : points.Max(p => p.Minute);
        if (current > newest)
        {
            newest = current;
        }
        var byMinute = points.ToDictionary(p => p.Minute);
        var hour = new MinutePoint[60];
        for (var i = 0; i < hour.Length; i++)
        {
            var minute = newest.AddMinutes(i - hour.Length + 1);
            hour[i] = byMinute.TryGetValue(minute, out var p) ? p : new MinutePoint(minute, 0, 0);
        }
        return hour;
    }

    private static IReadOnlyList<ActivityItem> Activity(IEnumerable<ActivityItem> newer, IEnumerable<ActivityItem> older, int length) =>
        [.. newer.Concat(older).DistinctBy(a => a.Id).Take(length)];
}

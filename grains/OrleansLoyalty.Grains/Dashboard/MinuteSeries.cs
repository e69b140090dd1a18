using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Net sales and transactions per minute for the last hour, keyed by <see cref="LocalDay.MinuteIndex"/>.</summary>
internal sealed class MinuteSeries
{
    public const int Length = 60;

    private readonly Dictionary<long, (long NetSales, long Transactions)> _minutes = [];
    private readonly HashSet<long> _changed = [];

    public void Add(DateTimeOffset at, DateTimeOffset now, long netSales, long transactions)
    {
        var minute = LocalDay.MinuteIndex(at);
        var newest = LocalDay.MinuteIndex(now);
        // A lane clock a little ahead still lands in the current minute; anything older than the window is history only.
        minute = Math.Min(minute, newest);
        if (minute <= newest - Length)
        {
            return;
        }
        _minutes.TryGetValue(minute, out var point);
        _minutes[minute] = (point.NetSales + netSales, point.Transactions + transactions);
        _changed.Add(minute);
    }

    /// <summary>All 60 minutes ending with the one of <paramref name="now"/>, oldest first, zeros included.</summary>
    public IReadOnlyList<MinutePoint> Window(DateTimeOffset now, TimeZoneInfo zone)
    {
        var newest = LocalDay.MinuteIndex(now);
        Prune(newest);
        var points = new MinutePoint[Length];
        for (var i = 0; i < Length; i++)
        {
            var minute = newest - Length + 1 + i;
            points[i] = ToPoint(minute, zone);
        }
        return points;
    }

    /// <summary>The non-zero minutes of the window.</summary>
    public IReadOnlyList<MinutePoint> NonZero(DateTimeOffset now, TimeZoneInfo zone)
    {
        Prune(LocalDay.MinuteIndex(now));
        return [.. _minutes.Keys.Order().Select(m => ToPoint(m, zone))];
    }

    /// <summary>Minutes changed since the previous call that are still in the window, oldest first.</summary>
    public IReadOnlyList<MinutePoint> TakeChanged(DateTimeOffset now, TimeZoneInfo zone)
    {
        var oldest = LocalDay.MinuteIndex(now) - Length + 1;
        var changed = _changed.Where(m => m >= oldest).Order().Select(m => ToPoint(m, zone)).ToArray();
        _changed.Clear();
        return changed;
    }

    private MinutePoint ToPoint(long minute, TimeZoneInfo zone)
    {
        _minutes.TryGetValue(minute, out var point);
        return new MinutePoint(LocalDay.MinuteStart(minute, zone), point.NetSales, point.Transactions);
    }

    private void Prune(long newest)
    {
        foreach (var old in _minutes.Keys.Where(m => m <= newest - Length).ToArray())
        {
            _minutes.Remove(old);
        }
    }
}

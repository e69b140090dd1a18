using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>A store's lanes: online or not, and what each sold today.</summary>
internal sealed class LaneBoard
{
    private readonly SortedDictionary<string, LaneState> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = [];

    public int Online => _lanes.Values.Count(l => l.Online);

    public int Total => _lanes.Count;

    public IReadOnlyList<LaneState> All => [.. _lanes.Values];

    /// <summary>A lane that commits a sale is evidently up.</summary>
    public void Sold(string laneId, DateTimeOffset at, long netSales, long transactions)
    {
        var lane = Get(laneId);
        var wasOnline = lane.Online;
        Set(lane with
        {
            Online = true,
            Since = wasOnline ? lane.Since : at,
            LastSaleAt = lane.LastSaleAt is { } last && last > at ? last : at,
            Transactions = lane.Transactions + transactions,
            NetSales = lane.NetSales + netSales,
        });
    }

    public void StatusChanged(string laneId, bool online, DateTimeOffset at)
    {
        var lane = Get(laneId);
        if (lane.Since is { } since && since > at)
        {
            return; // an older report arriving late must not undo a newer one
        }
        Set(lane with { Online = online, Since = at });
    }

    /// <summary>After a rebuild: lanes that have not sold within the window are not known to be up.</summary>
    public void SettleAfterRebuild(DateTimeOffset now, TimeSpan onlineWindow)
    {
        foreach (var lane in _lanes.Values.ToArray())
        {
            if (lane.Online && (lane.LastSaleAt is not { } last || now - last > onlineWindow))
            {
                Set(lane with { Online = false, Since = null });
            }
        }
    }

    /// <summary>A new business day: the lanes stay, their day's counters start again.</summary>
    public void StartDay()
    {
        foreach (var lane in _lanes.Values.ToArray())
        {
            Set(lane with { Transactions = 0, NetSales = 0 });
        }
    }

    public IReadOnlyList<LaneState> TakeChanged()
    {
        var changed = _changed.Order(StringComparer.Ordinal).Select(id => _lanes[id]).ToArray();
        _changed.Clear();
        return changed;
    }

    private LaneState Get(string laneId) =>
        _lanes.TryGetValue(laneId, out var lane) ? lane : new LaneState { LaneId = laneId };

    private void Set(LaneState lane)
    {
        _lanes[lane.LaneId] = lane;
        _changed.Add(lane.LaneId);
    }
}

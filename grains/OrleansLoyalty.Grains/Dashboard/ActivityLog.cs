using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>The latest activity items, newest first, plus those not yet sent to each of two readers.</summary>
internal sealed class ActivityLog(int capacity)
{
    private readonly LinkedList<ActivityItem> _recent = new();
    private readonly List<ActivityItem> _unsentUpdate = [];
    private readonly List<ActivityItem> _unsentChain = [];

    public IReadOnlyList<ActivityItem> Recent => [.. _recent];

    public void Add(ActivityItem item)
    {
        _recent.AddFirst(item);
        if (_recent.Count > capacity)
        {
            _recent.RemoveLast();
        }
        Remember(_unsentUpdate, item);
        Remember(_unsentChain, item);
    }

    public void AddRange(IEnumerable<ActivityItem> newestFirst)
    {
        foreach (var item in newestFirst.Reverse())
        {
            Add(item);
        }
    }

    /// <summary>Items added since the previous call, newest first.</summary>
    public IReadOnlyList<ActivityItem> TakeForUpdate() => Take(_unsentUpdate);

    public IReadOnlyList<ActivityItem> TakeForChain() => Take(_unsentChain);

    private void Remember(List<ActivityItem> unsent, ActivityItem item)
    {
        unsent.Add(item);
        if (unsent.Count > capacity)
        {
            unsent.RemoveAt(0);
        }
    }

    private static IReadOnlyList<ActivityItem> Take(List<ActivityItem> unsent)
    {
        var taken = Enumerable.Reverse(unsent).ToArray();
        unsent.Clear();
        return taken;
    }
}

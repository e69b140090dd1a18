namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// The <see cref="EventIdKey"/>s of a lane's last N events, the oldest falling out first: what the lane grain and the
/// edge gateway each remember so that a repeated event has no second effect. Not thread-safe.
/// </summary>
public sealed class RecentEventKeys(int capacity)
{
    private readonly HashSet<UInt128> _keys = [];
    private readonly Queue<UInt128> _order = new();

    public bool Contains(UInt128 key) => _keys.Contains(key);

    /// <summary>
    /// Remembers <paramref name="key"/>; false if it was already there. <paramref name="forgotten"/> is the oldest key,
    /// if remembering this one pushed it out.
    /// </summary>
    public bool TryAdd(UInt128 key, out UInt128? forgotten)
    {
        forgotten = null;
        if (!_keys.Add(key))
        {
            return false;
        }
        _order.Enqueue(key);
        if (_order.Count > capacity)
        {
            forgotten = _order.Dequeue();
            _keys.Remove(forgotten.Value);
        }
        return true;
    }

    /// <summary>The keys, oldest first.</summary>
    public IEnumerable<UInt128> OldestFirst => _order;
}

using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// The last N event ids of one lane, as <see cref="EventIdKey"/>s (a window of id strings kept every event's id
/// alive for N events); older ones fall out. Thread-safe.
/// </summary>
internal sealed class EventIdWindow(int capacity)
{
    private readonly HashSet<UInt128> _keys = [];
    private readonly Queue<UInt128> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Remembers <paramref name="eventId"/>; false if it was already there.</summary>
    public bool TryAdd(string eventId) => TryAdd(EventIdKey.Of(eventId));

    /// <summary>Remembers an event by its key (from a journal snapshot); false if it was already there.</summary>
    public bool TryAdd(UInt128 key)
    {
        lock (_gate)
        {
            if (!_keys.Add(key))
            {
                return false;
            }
            _order.Enqueue(key);
            while (_order.Count > capacity)
            {
                _keys.Remove(_order.Dequeue());
            }
            return true;
        }
    }

    /// <summary>The keys, oldest first, formatted for the journal snapshot.</summary>
    public List<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _order.Select(EventIdKey.Format)];
        }
    }
}

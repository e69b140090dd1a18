using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// The last N event ids of one lane (<see cref="RecentEventKeys"/>: as keys, since a window of id strings kept every
/// event's id alive for N events); older ones fall out. Thread-safe.
/// </summary>
internal sealed class EventIdWindow(int capacity)
{
    private readonly RecentEventKeys _keys = new(capacity);
    private readonly Lock _gate = new();

    /// <summary>Remembers <paramref name="eventId"/>; false if it was already there.</summary>
    public bool TryAdd(string eventId) => TryAdd(EventIdKey.Of(eventId));

    /// <summary>Remembers an event by its key (from a journal snapshot); false if it was already there.</summary>
    public bool TryAdd(UInt128 key)
    {
        lock (_gate)
        {
            return _keys.TryAdd(key, out _);
        }
    }

    /// <summary>The keys, oldest first, formatted for the journal snapshot.</summary>
    public List<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _keys.OldestFirst.Select(EventIdKey.Format)];
        }
    }
}

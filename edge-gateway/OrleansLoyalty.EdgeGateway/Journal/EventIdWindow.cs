namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>The last N event ids of one lane; older ones fall out. Thread-safe.</summary>
internal sealed class EventIdWindow(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Remembers <paramref name="eventId"/>; false if it was already there.</summary>
    public bool TryAdd(string eventId)
    {
        lock (_gate)
        {
            if (!_ids.Add(eventId))
            {
                return false;
            }
            _order.Enqueue(eventId);
            while (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
            return true;
        }
    }

    public List<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _order];
        }
    }
}

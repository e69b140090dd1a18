using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>The lane's recent event ids and the answer each got, so a repeat gets the same answer and no second effect.</summary>
internal sealed class LaneEventMemory(int capacity)
{
    private readonly Dictionary<string, LaneOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string eventId, out LaneOutcome outcome) => _outcomes.TryGetValue(eventId, out outcome!);

    public void Remember(string eventId, LaneOutcome outcome)
    {
        if (!_outcomes.TryAdd(eventId, outcome))
        {
            return;
        }
        _order.Enqueue(eventId);
        while (_order.Count > capacity)
        {
            _outcomes.Remove(_order.Dequeue());
        }
    }
}

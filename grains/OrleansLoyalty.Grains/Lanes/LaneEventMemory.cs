using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// The lane's recent event ids, so that a repeat (a gateway replaying what it had not confirmed) has no second effect,
/// and the refusals among them, so that a repeat is refused again.
/// </summary>
/// <remarks>
/// Nothing else of an answer is kept, and the ids are kept as <see cref="RecentEventKeys"/>. Keeping every
/// answer (each a display of the whole basket) made every event's answer survive into the silo's older generations:
/// about 1 KB per event, collections of 50–150 ms at 2,000 lane events/s (bench/analysis.md, "Edge").
/// The lane answers a repeat of an accepted event from what it shows now and from the durable checkout
/// (<see cref="LaneGrain"/>).
/// </remarks>
internal sealed class LaneEventMemory(int capacity)
{
    private readonly RecentEventKeys _seen = new(capacity);
    private readonly Dictionary<UInt128, LaneOutcome> _refusals = [];

    /// <summary>Whether the lane has had <paramref name="eventId"/>; if it was refused, <paramref name="refusal"/> is what it answered.</summary>
    public bool TryRecall(string eventId, out LaneOutcome? refusal)
    {
        var key = EventIdKey.Of(eventId);
        refusal = _refusals.GetValueOrDefault(key);
        return _seen.Contains(key);
    }

    public void Remember(string eventId, LaneOutcome outcome)
    {
        var key = EventIdKey.Of(eventId);
        if (!_seen.TryAdd(key, out var forgotten))
        {
            return;
        }
        if (outcome.Refusal is not null)
        {
            _refusals[key] = outcome;
        }
        if (forgotten is { } old)
        {
            _refusals.Remove(old);
        }
    }
}

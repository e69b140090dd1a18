using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// A device event that is on disk: <see cref="Seq"/> orders it among every event of the store.
/// <see cref="ReceivedTimestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> reading, 0 after a
/// restart) measures event-to-display latency.
/// </summary>
public sealed record JournaledEvent(long Seq, LaneEvent Event, long ReceivedTimestamp)
{
    public string LaneId => Event.LaneId;
}

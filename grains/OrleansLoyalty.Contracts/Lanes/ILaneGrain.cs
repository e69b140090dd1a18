namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// One checkout lane's live session, keyed <c>"{storeId}/{laneId}"</c> (<see cref="LaneKeys.Of"/>): the
/// member, the basket, coupons and points, priced after every event. Events are applied in call order
/// and each <see cref="LaneEvent.EventId"/> once: the same event again gets the first answer back.
/// </summary>
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Applies one device event; refusals (lost card, unknown barcode, used coupon, …) leave the session as it was.</summary>
    Task<LaneOutcome> Apply(LaneEvent laneEvent);

    /// <summary>What the lane's display shows now.</summary>
    Task<LaneDisplay> GetDisplay();
}

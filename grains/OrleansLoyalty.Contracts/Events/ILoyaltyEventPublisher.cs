namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// Publishes a committed fact to its store's event stream. Call it after the commit is durable;
/// it never throws (a dashboard that misses an event catches up from PostgreSQL), so the caller's
/// answer to the lane does not depend on it.
/// </summary>
public interface ILoyaltyEventPublisher
{
    Task PublishAsync(LoyaltyEvent e);

    /// <summary>
    /// Facts of one store committed together (a sale and the coupons it redeemed), in order.
    /// </summary>
    async Task PublishAsync(IReadOnlyList<LoyaltyEvent> events)
    {
        foreach (var e in events)
        {
            await PublishAsync(e);
        }
    }
}

namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// Publishes a committed fact to its store's event stream. Call it after the commit is durable;
/// it never throws (a dashboard that misses an event catches up from PostgreSQL), so the caller's
/// answer to the lane does not depend on it.
/// </summary>
public interface ILoyaltyEventPublisher
{
    Task PublishAsync(LoyaltyEvent e);
}

using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// The committed past, read back to rebuild live figures after an activation (e.g. a silo restart):
/// memory streams lose what was in flight, PostgreSQL does not.
/// </summary>
public interface IDashboardHistory
{
    /// <summary>
    /// The store's checkouts, returns (as <see cref="CheckoutCommitted"/>/<see cref="ReturnCommitted"/>)
    /// and registrations (<see cref="MemberRegistered"/>) committed at or after <paramref name="since"/>, oldest first.
    /// </summary>
    Task<IReadOnlyList<LoyaltyEvent>> LoadStoreEventsAsync(string storeId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores with a transaction or a registration at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<string>> LoadActiveStoreIdsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

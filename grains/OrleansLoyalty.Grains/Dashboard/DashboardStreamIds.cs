using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>The <see cref="StreamId"/>s named by <see cref="LoyaltyStreams"/>.</summary>
public static class DashboardStreamIds
{
    public static StreamId StoreEvents(string storeId) => StreamId.Create(LoyaltyStreams.StoreEventsNamespace, storeId);

    public static StreamId Updates(string scopeKey) => StreamId.Create(LoyaltyStreams.DashboardUpdatesNamespace, scopeKey);
}

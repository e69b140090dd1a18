namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// Names of the streams that carry store events and dashboard updates. A stream's id is
/// <c>StreamId.Create(namespace, key)</c>: <c>("store-events", storeId)</c> for a store's
/// <see cref="LoyaltyEvent"/>s, <c>("dashboard-updates", storeId or "chain")</c> for dashboard updates.
/// (StreamId itself lives in the streaming package, which this contracts project does not reference.)
/// </summary>
public static class LoyaltyStreams
{
    /// <summary>The stream provider (memory streams: figures are rebuilt from PostgreSQL after a restart).</summary>
    public const string ProviderName = "loyalty-events";

    /// <summary>Namespace of the per-store streams of <see cref="LoyaltyEvent"/>s (key: store id).</summary>
    public const string StoreEventsNamespace = "store-events";

    /// <summary>Namespace of the per-scope streams of dashboard updates (key: store id, or "chain").</summary>
    public const string DashboardUpdatesNamespace = "dashboard-updates";
}

using Orleans.Streams;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>Snapshots from the dashboard grains; updates from their update streams.</summary>
internal sealed class OrleansDashboardSource(IClusterClient client) : IDashboardSource
{
    public Task<DashboardSnapshot> GetSnapshotAsync(DashboardScope scope, CancellationToken cancellationToken) =>
        scope.IsChain
            ? client.GetGrain<IChainDashboardGrain>(DashboardScopes.ChainKey).GetSnapshotAsync()
            : client.GetGrain<IStoreDashboardGrain>(scope.Key).GetSnapshotAsync();

    public async Task<IAsyncDisposable> SubscribeAsync(DashboardScope scope, Func<DashboardUpdate, Task> onUpdate, CancellationToken cancellationToken)
    {
        var stream = client.GetStreamProvider(LoyaltyStreams.ProviderName)
            .GetStream<DashboardUpdate>(StreamId.Create(LoyaltyStreams.DashboardUpdatesNamespace, scope.Key));
        var handle = await stream.SubscribeAsync((update, _) => onUpdate(update));
        return new Subscription(handle);
    }

    private sealed class Subscription(StreamSubscriptionHandle<DashboardUpdate> handle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await handle.UnsubscribeAsync();
    }
}

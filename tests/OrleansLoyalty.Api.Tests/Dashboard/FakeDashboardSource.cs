using System.Collections.Concurrent;
using OrleansLoyalty.Api.Dashboard;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>Stands in for the dashboard grains: the test sets snapshots and pushes updates.</summary>
public sealed class FakeDashboardSource : IDashboardSource
{
    private readonly ConcurrentDictionary<DashboardScope, DashboardSnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<DashboardScope, ConcurrentDictionary<Guid, Func<DashboardUpdate, Task>>> _subscribers = new();
    private int _subscriptionsMade;

    /// <summary>How many subscriptions the hub has opened in all (not per connection: per scope).</summary>
    public int SubscriptionsMade => _subscriptionsMade;

    public int OpenSubscriptions(DashboardScope scope) => _subscribers.TryGetValue(scope, out var s) ? s.Count : 0;

    public void SetSnapshot(DashboardScope scope, DashboardSnapshot snapshot) => _snapshots[scope] = snapshot;

    public async Task PushAsync(DashboardScope scope, DashboardUpdate update)
    {
        if (_subscribers.TryGetValue(scope, out var subscribers))
        {
            foreach (var onUpdate in subscribers.Values)
            {
                await onUpdate(update);
            }
        }
    }

    public Task<DashboardSnapshot> GetSnapshotAsync(DashboardScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.TryGetValue(scope, out var s) ? s : Figures.Snapshot(scope, netSales: 0));

    public Task<IAsyncDisposable> SubscribeAsync(DashboardScope scope, Func<DashboardUpdate, Task> onUpdate, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _subscriptionsMade);
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(scope, _ => new())[id] = onUpdate;
        return Task.FromResult<IAsyncDisposable>(new Unsubscribe(() => _subscribers[scope].TryRemove(id, out _)));
    }

    private sealed class Unsubscribe(Action action) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            action();
            return ValueTask.CompletedTask;
        }
    }
}

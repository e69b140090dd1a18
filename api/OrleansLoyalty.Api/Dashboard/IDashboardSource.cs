using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>Where the hub gets figures from: the dashboard grains in production, a fake in hub tests.</summary>
public interface IDashboardSource
{
    Task<DashboardSnapshot> GetSnapshotAsync(DashboardScope scope, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onUpdate"/> for every update of the scope until the result is disposed.</summary>
    Task<IAsyncDisposable> SubscribeAsync(DashboardScope scope, Func<DashboardUpdate, Task> onUpdate, CancellationToken cancellationToken);
}

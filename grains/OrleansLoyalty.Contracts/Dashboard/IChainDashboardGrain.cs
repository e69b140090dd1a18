using Orleans.Concurrency;

namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>Live figures of the whole chain (key: <see cref="DashboardScopes.ChainKey"/>), summed from the stores' contributions.</summary>
public interface IChainDashboardGrain : IGrainWithStringKey
{
    Task<DashboardSnapshot> GetSnapshotAsync();

    /// <summary>A store's latest contribution; one-way so that a store never waits on the chain.</summary>
    [OneWay]
    Task ReportAsync(StoreContribution contribution);
}

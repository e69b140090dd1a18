namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>
/// Live figures of one store (key: store id). Fed by the store's event stream; rebuilt from
/// PostgreSQL when activated; publishes <see cref="DashboardUpdate"/>s on the store's dashboard stream.
/// </summary>
public interface IStoreDashboardGrain : IGrainWithStringKey
{
    Task<DashboardSnapshot> GetSnapshotAsync();

    Task<StoreContribution> GetContributionAsync();
}

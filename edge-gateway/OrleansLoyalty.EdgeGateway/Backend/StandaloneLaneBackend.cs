using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>
/// No cluster at all (<c>Gateway:Cluster:Mode=Standalone</c>): lanes sell offline from the local
/// catalog and the journal keeps every event for when a cluster is configured.
/// </summary>
public sealed class StandaloneLaneBackend : ILaneBackend
{
    public Task<LaneOutcome> ApplyAsync(LaneEvent laneEvent, CancellationToken cancellationToken) =>
        Task.FromException<LaneOutcome>(new LaneBackendUnavailableException("standalone mode: no cluster configured"));

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<LaneCatalogSnapshot> GetCatalogAsync(string storeId, CancellationToken cancellationToken) =>
        Task.FromException<LaneCatalogSnapshot>(new LaneBackendUnavailableException("standalone mode: no cluster configured"));

    public Task<LaneRulesSnapshot> GetRulesAsync(string storeId, CancellationToken cancellationToken) =>
        Task.FromException<LaneRulesSnapshot>(new LaneBackendUnavailableException("standalone mode: no cluster configured"));
}

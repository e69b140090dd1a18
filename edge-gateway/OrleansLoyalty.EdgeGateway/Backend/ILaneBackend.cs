using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>
/// The cluster as the gateway sees it. Implementations must apply each <see cref="LaneEvent.EventId"/>
/// of a lane at most once (the gateway replays after crashes and outages), and throw
/// <see cref="LaneBackendUnavailableException"/> when the cluster cannot be reached.
/// </summary>
public interface ILaneBackend
{
    /// <summary>Applies one lane event in the cluster and answers with the lane's display, receipt or refusal.</summary>
    Task<LaneOutcome> ApplyAsync(LaneEvent laneEvent, CancellationToken cancellationToken);

    /// <summary>A cheap check that the cluster answers.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>The store's catalog for offline selling.</summary>
    Task<LaneCatalogSnapshot> GetCatalogAsync(string storeId, CancellationToken cancellationToken);

    /// <summary>The store's pricing rules (programme, campaigns, public coupons, time zone) for offline selling.</summary>
    Task<LaneRulesSnapshot> GetRulesAsync(string storeId, CancellationToken cancellationToken);
}

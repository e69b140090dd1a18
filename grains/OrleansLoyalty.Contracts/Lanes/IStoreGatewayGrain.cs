namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// A store's edge gateway as the cluster sees it, keyed by store id: the gateway's heartbeat (its connectivity
/// probe) and the lanes that sold through it. While the heartbeat comes the store's lanes are online; when it stops
/// (the store lost the cluster, or the gateway died) they are offline, selling on their own, until it comes back.
/// Each change is told to the store's dashboard.
/// </summary>
public interface IStoreGatewayGrain : IGrainWithStringKey
{
    /// <summary>The gateway reached the cluster.</summary>
    Task Heartbeat();

    /// <summary>A lane of this store sent an event through the gateway (told once per lane activation).</summary>
    [OneWay]
    Task LaneSeen(string laneId);
}

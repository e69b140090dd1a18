namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>Where a journaled event that the cluster has not yet taken stands.</summary>
public enum PendingEventState
{
    /// <summary>Acknowledged to the device but not yet processed at all (the gateway stopped in between).</summary>
    Unapplied,

    /// <summary>Shown to the lane in offline mode; waits to be replayed into the cluster.</summary>
    AppliedOffline,
}

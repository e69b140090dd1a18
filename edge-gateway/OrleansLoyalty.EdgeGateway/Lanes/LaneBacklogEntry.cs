using OrleansLoyalty.EdgeGateway.Journal;

namespace OrleansLoyalty.EdgeGateway.Lanes;

/// <summary>A journaled event a lane still owes the cluster, with what the lane already did with it offline.</summary>
internal sealed class LaneBacklogEntry(JournaledEvent journaled)
{
    public JournaledEvent Journaled { get; } = journaled;

    /// <summary>Shown to the lane offline; replayed (not shown again) once the cluster is back.</summary>
    public bool AppliedOffline { get; set; }

    /// <summary>Refused offline: the device was told, so it has no effect anywhere and is never replayed.</summary>
    public bool RefusedOffline { get; set; }

    public long? OfflineSaleTotal { get; set; }
}

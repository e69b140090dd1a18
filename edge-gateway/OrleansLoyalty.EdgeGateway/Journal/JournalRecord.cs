using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// One line of a journal segment. <c>t</c> is <c>ev</c> (an accepted event, fsync'd before the device
/// is acknowledged), <c>ap</c> (the event was shown to its lane with display <c>ds</c>; <c>done</c> when
/// nothing is left to do, false when shown offline and still owed to the cluster) or <c>dl</c>
/// (an offline event has since been delivered to the cluster).
/// </summary>
internal sealed record JournalRecord
{
    public const string EventType = "ev";
    public const string AppliedType = "ap";
    public const string DeliveredType = "dl";

    public required string T { get; init; }
    public required long Seq { get; init; }
    public LaneEvent? Ev { get; init; }
    /// <summary>Lane of an <c>ap</c> record, so that its display number survives its event's segment.</summary>
    public string? Lane { get; init; }
    public long? Ds { get; init; }
    public bool? Done { get; init; }
    /// <summary>On the <c>ap</c> record of a <c>pay</c> accepted offline: the total the shopper paid.</summary>
    public long? OfflineTotal { get; init; }
}

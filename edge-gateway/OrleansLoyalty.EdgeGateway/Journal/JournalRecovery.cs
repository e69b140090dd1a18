namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>What a journal held when it was opened.</summary>
public sealed class JournalRecovery
{
    /// <summary>Events the cluster has not taken yet, per lane, in order.</summary>
    public Dictionary<string, List<PendingEvent>> PendingByLane { get; } = new(StringComparer.Ordinal);

    /// <summary>Last display number published per lane.</summary>
    public Dictionary<string, long> DisplaySeqByLane { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines dropped from the end of the last segment (a write torn by a crash).</summary>
    public int TornRecordsDropped { get; internal set; }

    public int PendingCount => PendingByLane.Values.Sum(list => list.Count);
}

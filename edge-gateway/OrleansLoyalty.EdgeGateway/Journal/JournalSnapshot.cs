namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// <c>state.json</c>: what must outlive deleted segments — each lane's recent event ids and last
/// display number. Written (temp file, fsync, rename) just before old segments are deleted.
/// </summary>
internal sealed record JournalSnapshot
{
    public long NextSeq { get; init; }
    public Dictionary<string, LaneSnapshot> Lanes { get; init; } = [];
}

internal sealed record LaneSnapshot
{
    public List<string> Seen { get; init; } = [];
    public long DisplaySeq { get; init; }
}

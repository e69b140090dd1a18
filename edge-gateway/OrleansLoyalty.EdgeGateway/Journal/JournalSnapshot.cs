namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// <c>state.json</c>: what must outlive deleted segments — each lane's recent event ids (as keys) and last
/// display number. Written (temp file, fsync, rename) just before old segments are deleted.
/// </summary>
internal sealed record JournalSnapshot
{
    public long NextSeq { get; init; }
    public Dictionary<string, LaneSnapshot> Lanes { get; init; } = [];
}

internal sealed record LaneSnapshot
{
    /// <summary>The recent event ids themselves, as gateways wrote them until 2026-12-03; still read.</summary>
    public List<string>? Seen { get; init; }

    /// <summary>The recent event ids' <see cref="Contracts.Lanes.EventIdKey"/>s, oldest first.</summary>
    public List<string> SeenKeys { get; init; } = [];

    public long DisplaySeq { get; init; }
}

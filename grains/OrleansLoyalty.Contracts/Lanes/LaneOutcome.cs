namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// The answer to one lane event: either a <see cref="Refusal"/> (no effect), or the lane's new
/// <see cref="Display"/> and, after a committed pay or return, its <see cref="Receipt"/>. A refused pay may
/// carry a <see cref="Display"/> too: the basket's price changed since the lane last showed it.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneOutcome")]
public sealed record LaneOutcome
{
    [Id(0)] public LaneDisplay? Display { get; init; }
    [Id(1)] public LaneReceipt? Receipt { get; init; }
    [Id(2)] public LaneRefusal? Refusal { get; init; }

    public static LaneOutcome Refused(string code, string message) =>
        new() { Refusal = new LaneRefusal { Code = code, Message = message } };

    public static LaneOutcome Accepted(LaneDisplay display, LaneReceipt? receipt = null) =>
        new() { Display = display, Receipt = receipt };
}

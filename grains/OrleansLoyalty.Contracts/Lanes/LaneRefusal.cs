namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>Why an event had no effect: a stable <see cref="Code"/> (e.g. <c>card.lost</c>) and words for the cashier.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneRefusal")]
public sealed record LaneRefusal
{
    [Id(0)] public required string Code { get; init; }
    [Id(1)] public required string Message { get; init; }
}

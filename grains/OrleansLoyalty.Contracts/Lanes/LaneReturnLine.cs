namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>A line of the original purchase being brought back, and how many of it.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneReturnLine")]
public sealed record LaneReturnLine
{
    [Id(0)] public required string LineId { get; init; }
    [Id(1)] public required int Qty { get; init; }
}

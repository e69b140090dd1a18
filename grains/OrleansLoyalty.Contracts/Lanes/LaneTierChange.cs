namespace OrleansLoyalty.Contracts.Lanes;

[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneTierChange")]
public sealed record LaneTierChange
{
    [Id(0)] public required string From { get; init; }
    [Id(1)] public required string To { get; init; }
}

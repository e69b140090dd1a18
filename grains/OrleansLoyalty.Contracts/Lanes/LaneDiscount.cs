using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>Why fen came off: <c>kind</c> is tier, promotion, coupon or points.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneDiscount")]
public sealed record LaneDiscount
{
    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required string Label { get; init; }
    [Id(3)] public long Amount { get; init; }
    [Id(4)] public ImmutableArray<string> LineIds { get; init; } = [];
}

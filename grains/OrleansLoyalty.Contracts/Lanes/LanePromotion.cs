using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// A public promotion (one that needs no member) the edge gateway applies while offline:
/// <see cref="Kind"/> <c>percentOff</c> (<see cref="Percent"/> off eligible goods) or
/// <c>amountOffOver</c> (<see cref="Amount"/> off once eligible goods reach <see cref="Threshold"/>).
/// Eligible goods: those under <see cref="CategoryPath"/> or in <see cref="Skus"/>; every item when both are empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LanePromotion")]
public sealed record LanePromotion
{
    public const string PercentOff = "percentOff";
    public const string AmountOffOver = "amountOffOver";

    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required string Label { get; init; }
    [Id(2)] public required string Kind { get; init; }
    [Id(3)] public int Percent { get; init; }
    [Id(4)] public long Threshold { get; init; }
    [Id(5)] public long Amount { get; init; }
    [Id(6)] public ImmutableArray<string> CategoryPath { get; init; } = [];
    [Id(7)] public ImmutableArray<string> Skus { get; init; } = [];
    [Id(8)] public DateTimeOffset? From { get; init; }
    [Id(9)] public DateTimeOffset? To { get; init; }
}

using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// What the lane's customer display shows after an accepted event (the MQTT <c>display</c> payload).
/// The edge gateway numbers displays per lane (<see cref="Seq"/>) and sets <see cref="Mode"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneDisplay")]
public sealed record LaneDisplay
{
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public required string SessionId { get; init; }
    [Id(2)] public LaneMember? Member { get; init; }
    [Id(3)] public ImmutableArray<LaneLine> Lines { get; init; } = [];
    [Id(4)] public ImmutableArray<LaneDiscount> Discounts { get; init; } = [];
    [Id(5)] public long Subtotal { get; init; }
    [Id(6)] public long DiscountTotal { get; init; }
    [Id(7)] public long Total { get; init; }
    [Id(8)] public long PointsToEarn { get; init; }
    [Id(9)] public ImmutableArray<string> Messages { get; init; } = [];
    /// <summary><c>online</c> or <c>offline</c>.</summary>
    [Id(10)] public string Mode { get; init; } = LaneModes.Online;
}

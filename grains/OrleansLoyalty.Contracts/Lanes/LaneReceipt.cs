using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// The MQTT <c>receipt</c> after a committed <c>pay</c> (<see cref="Kind"/> <c>sale</c>) or a
/// <c>return</c> (<c>return</c>). Mirrors the REST receipt; <see cref="Mode"/> says whether the cluster
/// committed it (<c>online</c>) or the edge gateway accepted it offline. A sale accepted offline gets a
/// second receipt with <see cref="SettledFromOffline"/> once the cluster has credited its points.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneReceipt")]
public sealed record LaneReceipt
{
    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required string TxnId { get; init; }
    [Id(2)] public string? OriginalTxnId { get; init; }
    [Id(3)] public required DateTimeOffset CommittedAt { get; init; }
    [Id(4)] public LaneMember? Member { get; init; }
    [Id(5)] public ImmutableArray<LaneLine> Lines { get; init; } = [];
    [Id(6)] public ImmutableArray<LaneDiscount> Discounts { get; init; } = [];
    [Id(7)] public long Subtotal { get; init; }
    [Id(8)] public long DiscountTotal { get; init; }
    [Id(9)] public long PointsRedeemed { get; init; }
    [Id(10)] public long PointsValue { get; init; }
    [Id(11)] public long Total { get; init; }
    [Id(12)] public ImmutableArray<LaneTender> Tenders { get; init; } = [];
    [Id(13)] public long PointsEarned { get; init; }
    [Id(14)] public long? PointsBalance { get; init; }
    [Id(15)] public long? StoredValueBalance { get; init; }
    [Id(16)] public string? Tier { get; init; }
    [Id(17)] public LaneTierChange? TierChanged { get; init; }
    [Id(18)] public ImmutableArray<string> CouponsRedeemed { get; init; } = [];
    [Id(19)] public ImmutableArray<string> CouponsIssued { get; init; } = [];
    [Id(20)] public ImmutableArray<string> Messages { get; init; } = [];
    [Id(21)] public string Mode { get; init; } = LaneModes.Online;
    [Id(22)] public bool SettledFromOffline { get; init; }
}

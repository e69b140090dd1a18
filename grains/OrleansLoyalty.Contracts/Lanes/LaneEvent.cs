using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// One validated device event of a lane (see the MQTT contract). Only the fields of its
/// <see cref="Kind"/> are set; the edge gateway has checked their presence, types and ranges.
/// <see cref="EventId"/> is unique per lane: applying the same one twice must have one effect.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneEvent")]
public sealed record LaneEvent
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public required string LaneId { get; init; }
    [Id(2)] public required string EventId { get; init; }
    [Id(3)] public required LaneEventKind Kind { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }

    /// <summary>Card number, or the member's app code when <see cref="Medium"/> is <c>qr</c>.</summary>
    [Id(5)] public string? CardNo { get; init; }
    /// <summary><c>ic</c>, <c>magstripe</c>, <c>id</c> or <c>qr</c>.</summary>
    [Id(6)] public string? Medium { get; init; }

    [Id(7)] public string? Barcode { get; init; }
    [Id(8)] public int? Qty { get; init; }
    [Id(9)] public int? WeightGrams { get; init; }

    [Id(10)] public string? Phone { get; init; }
    [Id(11)] public string? CouponCode { get; init; }
    [Id(12)] public long? Points { get; init; }
    [Id(13)] public string? LineId { get; init; }

    [Id(14)] public string? TxnId { get; init; }
    [Id(15)] public ImmutableArray<LaneTender> Tenders { get; init; } = [];
    [Id(16)] public string? OriginalTxnId { get; init; }
    [Id(17)] public ImmutableArray<LaneReturnLine> ReturnLines { get; init; } = [];

    /// <summary>Set only when a <c>pay</c> accepted offline is replayed into the cluster.</summary>
    [Id(18)] public LaneOfflineSale? OfflineSale { get; init; }

    /// <summary>
    /// A <c>pay</c>'s payment PIN for stored value (docs/payment-pin.md). Never written to the gateway's journal: a pay
    /// replayed after a restart has none, and a sale that needs one is refused and paid again.
    /// </summary>
    [Id(20), System.Text.Json.Serialization.JsonIgnore] public string? PaymentPin { get; init; }

    /// <summary>Set only when a <c>scan</c> sold offline is replayed: the item as the offline catalog priced it.</summary>
    [Id(19)] public LaneOfflineItem? OfflineItem { get; init; }
}

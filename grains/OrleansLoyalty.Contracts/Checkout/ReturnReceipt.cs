using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// What a return gave back: money per line (<see cref="Refund"/> = stored value to the card + other tenders
/// paid out at the till), points taken back and given back, coupons restored, and the member's wallet after.
/// </summary>
[GenerateSerializer, Immutable, Alias("checkout.ReturnReceipt")]
public sealed record ReturnReceipt(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string OriginalTxnId,
    [property: Id(2)] string StoreId,
    [property: Id(3)] string LaneId,
    [property: Id(4)] DateTimeOffset CommittedAt,
    [property: Id(5)] ImmutableArray<ReturnedLine> Lines,
    [property: Id(6)] long Refund,
    [property: Id(7)] long StoredValueRefund,
    [property: Id(8)] long OtherTendersRefund,
    [property: Id(9)] long PointsClawedBack,
    [property: Id(10)] long PointsGivenBack,
    [property: Id(11)] bool IsFullReturn,
    [property: Id(12)] ImmutableArray<string> CouponsRestored,
    [property: Id(13)] long? PointsBalance,
    [property: Id(14)] long? StoredValueBalance,
    [property: Id(15)] string? Tier);

using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>A committed purchase: the quote's numbers plus what happened to the member's wallet.</summary>
[GenerateSerializer, Immutable, Alias("checkout.Receipt")]
public sealed record Receipt(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string StoreId,
    [property: Id(2)] string LaneId,
    [property: Id(3)] DateTimeOffset CommittedAt,
    [property: Id(4)] ReceiptMember? Member,
    [property: Id(5)] ImmutableArray<PricedLine> Lines,
    [property: Id(6)] ImmutableArray<Discount> Discounts,
    [property: Id(7)] ImmutableArray<RejectedCoupon> RejectedCoupons,
    [property: Id(8)] long Subtotal,
    [property: Id(9)] long DiscountTotal,
    [property: Id(10)] long PointsRedeemed,
    [property: Id(11)] long PointsValue,
    [property: Id(12)] long Total,
    [property: Id(13)] long PointsToEarn,
    [property: Id(14)] ImmutableArray<string> Messages,
    [property: Id(15)] ImmutableArray<Tender> Tenders,
    [property: Id(16)] long PointsEarned,
    [property: Id(17)] long? PointsBalance,
    [property: Id(18)] long? StoredValueBalance,
    [property: Id(19)] string? Tier,
    [property: Id(20)] TierChange? TierChanged,
    [property: Id(21)] ImmutableArray<string> CouponsRedeemed,
    [property: Id(22)] ImmutableArray<string> CouponsIssued);

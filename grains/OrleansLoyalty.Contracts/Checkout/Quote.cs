using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>A priced basket: what the lane shows before payment. Changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("checkout.Quote")]
public sealed record Quote(
    [property: Id(0)] string QuoteId,
    [property: Id(1)] ReceiptMember? Member,
    [property: Id(2)] ImmutableArray<PricedLine> Lines,
    [property: Id(3)] ImmutableArray<Discount> Discounts,
    [property: Id(4)] ImmutableArray<RejectedCoupon> RejectedCoupons,
    [property: Id(5)] long Subtotal,
    [property: Id(6)] long DiscountTotal,
    [property: Id(7)] long PointsRedeemed,
    [property: Id(8)] long PointsValue,
    [property: Id(9)] long Total,
    [property: Id(10)] long PointsToEarn,
    [property: Id(11)] ImmutableArray<string> Messages,
    [property: Id(12)] ImmutableArray<string> CouponsApplied);

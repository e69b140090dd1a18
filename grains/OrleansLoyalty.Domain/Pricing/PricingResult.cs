namespace OrleansLoyalty.Domain;

/// <summary>
/// A priced basket (rest.md quote answer). Σ <see cref="PricedLine.Net"/> = <see cref="Total"/> =
/// <see cref="Subtotal"/> − <see cref="DiscountTotal"/> − <see cref="PointsValue"/>; <see cref="DiscountTotal"/>
/// counts tier, promotion and coupon discounts, the points discount is <see cref="PointsValue"/>.
/// When <see cref="Error"/> is set nothing else is meaningful.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.PricingResult")]
public sealed record PricingResult(
    [Id(0)] ImmutableArray<PricedLine> Lines,
    [Id(1)] ImmutableArray<Discount> Discounts,
    [Id(2)] ImmutableArray<RejectedCoupon> RejectedCoupons,
    [Id(3)] long Subtotal,
    [Id(4)] long DiscountTotal,
    [Id(5)] long PointsRedeemed,
    [Id(6)] long PointsValue,
    [Id(7)] long Total,
    [Id(8)] long PointsToEarn,
    [Id(9)] ImmutableArray<string> Messages,
    [Id(10)] ImmutableArray<string> CouponsApplied,
    [Id(11)] ImmutableArray<CampaignUsage> CampaignUsages,
    [Id(12)] string? TierId,
    [Id(13)] bool IsMemberDay,
    [Id(14)] bool IsBirthday,
    [Id(15)] PricingError? Error)
{
    public bool IsSuccess => Error is null;

    public static PricingResult Failed(PricingError error) =>
        new([], [], [], 0, 0, 0, 0, 0, 0, [], [], [], null, false, false, error);
}

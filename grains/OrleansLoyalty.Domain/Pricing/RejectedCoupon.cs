namespace OrleansLoyalty.Domain;

/// <summary>A presented coupon that was not applied; <see cref="Reason"/> is one of <see cref="CouponRejections"/>.</summary>
[GenerateSerializer, Immutable, Alias("domain.RejectedCoupon")]
public sealed record RejectedCoupon(
    [Id(0)] string Code,
    [Id(1)] string Reason);

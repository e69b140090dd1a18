namespace OrleansLoyalty.Domain;

/// <summary>Granted once at registration.</summary>
[GenerateSerializer, Immutable, Alias("domain.SignUpGift")]
public sealed record SignUpGift(
    [Id(0)] long Points,
    [Id(1)] CouponTemplate? Coupon);

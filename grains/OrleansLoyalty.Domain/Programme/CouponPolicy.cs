namespace OrleansLoyalty.Domain;

/// <param name="OnePerKind">At most one coupon of each kind per basket.</param>
/// <param name="RestoreOnVoidOrFullReturn">A coupon used in a voided or fully returned purchase comes back if unexpired.</param>
[GenerateSerializer, Immutable, Alias("domain.CouponPolicy")]
public sealed record CouponPolicy(
    [Id(0)] bool OnePerKind,
    [Id(1)] bool RestoreOnVoidOrFullReturn);

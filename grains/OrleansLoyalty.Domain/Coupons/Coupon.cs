namespace OrleansLoyalty.Domain;

/// <summary>A coupon held by a member; valid on store-local dates <see cref="ValidFrom"/>..<see cref="ValidTo"/> inclusive.</summary>
[GenerateSerializer, Immutable, Alias("domain.Coupon")]
public sealed record Coupon(
    [Id(0)] string Code,
    [Id(1)] string TemplateId,
    [Id(2)] CouponStatus Status,
    [Id(3)] DateOnly ValidFrom,
    [Id(4)] DateOnly ValidTo)
{
    public bool IsExpiredOn(DateOnly storeLocalDate) => Status == CouponStatus.Expired || storeLocalDate > ValidTo;
}

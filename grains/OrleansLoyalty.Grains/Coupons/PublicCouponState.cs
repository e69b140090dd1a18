namespace OrleansLoyalty.Grains.Coupons;

/// <summary>The txnIds holding a redemption of one public code (released ones are removed).</summary>
[GenerateSerializer, Alias("state.PublicCoupon")]
public sealed class PublicCouponState
{
    [Id(0)] public HashSet<string> Redemptions { get; set; } = new(StringComparer.Ordinal);
}

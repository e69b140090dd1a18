namespace OrleansLoyalty.Domain;

/// <summary>A presented code resolved to its template's rule; <see cref="Order"/> is its place in the presented list.</summary>
internal readonly record struct PresentedCoupon(string Code, CouponRule Rule, int Order)
{
    public CouponTemplate Template => Rule.Template;
}

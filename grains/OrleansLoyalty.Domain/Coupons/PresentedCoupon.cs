namespace OrleansLoyalty.Domain;

/// <summary>A presented code resolved to its template; <see cref="Order"/> is its place in the presented list.</summary>
internal sealed record PresentedCoupon(string Code, CouponTemplate Template, int Order);

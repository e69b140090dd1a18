namespace OrleansLoyalty.Domain;

/// <summary>
/// Turns a presented code into a usable coupon, or a rejection reason: the member's own coupons first,
/// then the engine's public codes. Codes compare case-insensitively (cashiers type them).
/// </summary>
internal static class CouponResolver
{
    public static (PresentedCoupon? Coupon, string? Rejection) Resolve(PricingSession session, string code, int order)
    {
        var member = session.Member;
        if (member is not null && !member.Coupons.IsDefault)
        {
            foreach (var coupon in member.Coupons)
            {
                if (coupon is not null && string.Equals(coupon.Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    return ResolveMemberCoupon(session, coupon, order);
                }
            }
        }
        var rule = session.Engine.FindPublicCouponRule(code);
        if (rule is null)
        {
            return (null, CouponRejections.Unknown);
        }
        var template = rule.Template;
        if (template.ValidFrom is { } from && session.Date < from)
        {
            return (null, CouponRejections.NotYetValid);
        }
        if (template.ValidTo is { } to && session.Date > to)
        {
            return (null, CouponRejections.Expired);
        }
        var left = session.Request.RemainingPublicCouponRedemptions is { } remaining && remaining.TryGetValue(template.Code!, out var count)
            ? count
            : template.MaxRedemptions ?? long.MaxValue;
        if (left <= 0)
        {
            return (null, CouponRejections.AlreadyRedeemed);
        }
        return (new PresentedCoupon(template.Code!, rule, order), null);
    }

    private static (PresentedCoupon? Coupon, string? Rejection) ResolveMemberCoupon(PricingSession session, Coupon coupon, int order)
    {
        var rule = session.Engine.FindTemplateRule(coupon.TemplateId);
        if (rule is null)
        {
            return (null, CouponRejections.Unknown);
        }
        if (coupon.Status == CouponStatus.Used)
        {
            return (null, CouponRejections.AlreadyRedeemed);
        }
        if (coupon.IsExpiredOn(session.Date))
        {
            return (null, CouponRejections.Expired);
        }
        if (session.Date < coupon.ValidFrom)
        {
            return (null, CouponRejections.NotYetValid);
        }
        return (new PresentedCoupon(coupon.Code, rule, order), null);
    }
}

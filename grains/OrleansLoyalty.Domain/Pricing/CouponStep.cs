using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 5: coupons. Presented codes are resolved, then applied kind by kind (category and gift coupons,
/// then 满减, then basket percent-off) and, within a kind, in the order presented; with the one-per-kind
/// policy the first coupon of a kind that applies wins and later ones are rejected.
/// </summary>
internal static class CouponStep
{
    public static void Apply(PricingSession session)
    {
        var codes = session.Request.CouponCodes;
        if (codes.IsDefaultOrEmpty)
        {
            return;
        }
        var accepted = new List<PresentedCoupon>(codes.Length);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }
            if (!seen.Add(code))
            {
                session.RejectedCoupons.Add(new RejectedCoupon(code, CouponRejections.AlreadyRedeemed));
                continue;
            }
            var (coupon, rejection) = CouponResolver.Resolve(session, code, i);
            if (coupon is null)
            {
                session.RejectedCoupons.Add(new RejectedCoupon(code, rejection!));
                continue;
            }
            accepted.Add(coupon);
        }
        accepted.Sort((left, right) =>
        {
            var byKind = KindOrder(left.Template.Kind).CompareTo(KindOrder(right.Template.Kind));
            return byKind != 0 ? byKind : left.Order.CompareTo(right.Order);
        });
        var kindsUsed = new HashSet<CouponKind>();
        var onePerKind = session.Programme.Coupons?.OnePerKind ?? true;
        foreach (var coupon in accepted)
        {
            if (onePerKind && kindsUsed.Contains(coupon.Template.Kind))
            {
                session.RejectedCoupons.Add(new RejectedCoupon(coupon.Code, CouponRejections.KindAlreadyUsed));
                continue;
            }
            var rejection = TryApply(session, coupon);
            if (rejection is not null)
            {
                session.RejectedCoupons.Add(new RejectedCoupon(coupon.Code, rejection));
                continue;
            }
            kindsUsed.Add(coupon.Template.Kind);
            session.CouponsApplied.Add(coupon.Code);
        }
    }

    private static int KindOrder(CouponKind kind) => kind switch
    {
        CouponKind.CategoryPercentOff => 0,
        CouponKind.CategoryAmountOff => 1,
        CouponKind.Gift => 2,
        CouponKind.AmountOffOver => 3,
        _ => 4,
    };

    private static string? TryApply(PricingSession session, PresentedCoupon coupon)
    {
        var template = coupon.Template;
        long eligibleNet = 0;
        var any = false;
        foreach (var line in session.Lines)
        {
            if (IsEligible(template, line))
            {
                eligibleNet += line.Net;
                any = true;
            }
        }
        if (!any)
        {
            return CouponRejections.NotApplicable;
        }
        // A gift's threshold is on the whole basket (满100送X); the other kinds count the lines they discount.
        var thresholdBase = template.Kind == CouponKind.Gift ? DiscountableNet(session) : eligibleNet;
        if (thresholdBase < template.Threshold)
        {
            return CouponRejections.ThresholdNotMet;
        }
        var amounts = new long[session.Lines.Length];
        switch (template.Kind)
        {
            case CouponKind.AmountOffOver or CouponKind.CategoryAmountOff:
                amounts = session.AllocateByNet(Math.Min(template.Amount, eligibleNet), line => IsEligible(template, line));
                break;
            case CouponKind.PercentOff or CouponKind.CategoryPercentOff:
                foreach (var line in session.Lines)
                {
                    if (IsEligible(template, line))
                    {
                        amounts[line.Index] = Fen.MulDivRound(line.Net, template.Percent, 100);
                    }
                }
                break;
            case CouponKind.Gift:
                var gifted = Array.Find(session.Lines, line => IsEligible(template, line) && line.WeightGrams is null);
                if (gifted is null)
                {
                    return CouponRejections.NotApplicable;
                }
                amounts[gifted.Index] = Math.Min(gifted.UnitPrice, gifted.Net);
                break;
        }
        var label = string.IsNullOrWhiteSpace(template.Name) ? DefaultLabel(template) : template.Name;
        var given = session.ApplyDiscount($"coupon:{coupon.Code}", DiscountKind.Coupon, label, amounts);
        return given > 0 ? null : CouponRejections.NotApplicable;
    }

    private static long DiscountableNet(PricingSession session)
    {
        long total = 0;
        foreach (var line in session.Lines)
        {
            if (line.Discountable)
            {
                total += line.Net;
            }
        }
        return total;
    }

    private static bool IsEligible(CouponTemplate template, WorkLine line)
    {
        if (!line.Discountable || line.Net <= 0)
        {
            return false;
        }
        if (!template.IsTargeted)
        {
            return true;
        }
        return (!template.Skus.IsDefaultOrEmpty && template.Skus.Contains(line.Sku, StringComparer.Ordinal))
            || CategoryPaths.IsUnder(line.CategoryPath, template.CategoryPath);
    }

    private static string DefaultLabel(CouponTemplate template) => template.Kind switch
    {
        CouponKind.AmountOffOver or CouponKind.CategoryAmountOff => DiscountLabels.AmountOffOver(template.Threshold, template.Amount) + "券",
        CouponKind.PercentOff or CouponKind.CategoryPercentOff => DiscountLabels.ZheFromPercent(template.Percent) + "券",
        _ => "赠品券",
    };
}

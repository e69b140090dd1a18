using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 5: coupons. Presented codes are resolved, then applied kind by kind (category and gift coupons,
/// then 满减, then basket percent-off) and, within a kind, in the order presented; with the one-per-kind
/// policy the first coupon of a kind that applies wins and later ones are rejected.
/// </summary>
internal static class CouponStep
{
    /// <summary>Up to this many presented codes keep their working lists on the stack.</summary>
    private const int StackCodes = 16;

    public static void Apply(PricingSession session)
    {
        var codes = session.Request.CouponCodes;
        if (codes.IsDefaultOrEmpty)
        {
            return;
        }
        var accepted = new PresentedCoupon[codes.Length];
        var acceptedCount = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }
            if (PresentedBefore(codes, i))
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
            accepted[acceptedCount++] = coupon.Value;
        }
        // Kind first, then the order presented: a total order, so the sort algorithm cannot change the outcome.
        var ordered = accepted.AsSpan(0, acceptedCount);
        ordered.Sort(static (left, right) =>
        {
            var byKind = KindOrder(left.Template.Kind).CompareTo(KindOrder(right.Template.Kind));
            return byKind != 0 ? byKind : left.Order.CompareTo(right.Order);
        });
        Span<CouponKind> kindsUsed = acceptedCount <= StackCodes ? stackalloc CouponKind[acceptedCount] : new CouponKind[acceptedCount];
        var kindsUsedCount = 0;
        var onePerKind = session.Programme.Coupons?.OnePerKind ?? true;
        foreach (var coupon in ordered)
        {
            if (onePerKind && kindsUsed[..kindsUsedCount].Contains(coupon.Template.Kind))
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
            kindsUsed[kindsUsedCount++] = coupon.Template.Kind;
            session.CouponsApplied.Add(coupon.Code);
        }
    }

    /// <summary>Whether codes[<paramref name="at"/>] was presented earlier (codes compare case-insensitively; blanks are skipped).</summary>
    private static bool PresentedBefore(ImmutableArray<string> codes, int at)
    {
        for (var i = 0; i < at; i++)
        {
            if (!string.IsNullOrWhiteSpace(codes[i]) && string.Equals(codes[i], codes[at], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
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
        var rule = coupon.Rule;
        var template = rule.Template;
        var lines = session.Lines;
        Span<long> weights = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        long eligibleNet = 0;
        var any = false;
        foreach (var line in lines)
        {
            if (IsEligible(rule, line))
            {
                weights[line.Index] = line.Net;
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
        Span<long> amounts = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        switch (template.Kind)
        {
            case CouponKind.AmountOffOver or CouponKind.CategoryAmountOff:
                ProportionalAllocator.Allocate(Math.Min(template.Amount, eligibleNet), weights, amounts);
                break;
            case CouponKind.PercentOff or CouponKind.CategoryPercentOff:
                foreach (var line in lines)
                {
                    if (weights[line.Index] > 0)
                    {
                        amounts[line.Index] = Fen.MulDivRound(line.Net, template.Percent, 100);
                    }
                }
                break;
            case CouponKind.Gift:
                var gifted = FirstUnitLine(lines, weights);
                if (gifted is null)
                {
                    return CouponRejections.NotApplicable;
                }
                amounts[gifted.Index] = Math.Min(gifted.UnitPrice, gifted.Net);
                break;
        }
        var given = session.ApplyDiscount(Discount.CouponRuleId(coupon.Code), DiscountKind.Coupon, rule.Label, amounts);
        return given > 0 ? null : CouponRejections.NotApplicable;
    }

    /// <summary>The first eligible line counted in units (weighed goods are not given away).</summary>
    private static WorkLine? FirstUnitLine(ReadOnlySpan<WorkLine> lines, ReadOnlySpan<long> eligible)
    {
        foreach (var line in lines)
        {
            if (eligible[line.Index] > 0 && line.WeightGrams is null)
            {
                return line;
            }
        }
        return null;
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

    private static bool IsEligible(CouponRule rule, WorkLine line) => line.Discountable && line.Net > 0 && rule.Targets(line);
}

namespace OrleansLoyalty.Domain;

/// <summary>
/// A coupon template as a quote reads it: its receipt label made once (the template's name, or <c>满50减10券</c>,
/// <c>9折券</c>, <c>赠品券</c>) and the test of which lines it targets.
/// </summary>
internal sealed class CouponRule(CouponTemplate template)
{
    public CouponTemplate Template { get; } = template;

    public string Label { get; } = string.IsNullOrWhiteSpace(template.Name) ? DefaultLabel(template) : template.Name;

    /// <summary>Whether <paramref name="line"/> is among the goods the coupon is for (every line for basket-wide kinds).</summary>
    public bool Targets(WorkLine line)
    {
        if (!Template.IsTargeted)
        {
            return true;
        }
        if (!Template.Skus.IsDefaultOrEmpty)
        {
            foreach (var sku in Template.Skus)
            {
                if (string.Equals(sku, line.Sku, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return CategoryPaths.IsUnder(line.CategoryPath, Template.CategoryPath);
    }

    private static string DefaultLabel(CouponTemplate template) => template.Kind switch
    {
        CouponKind.AmountOffOver or CouponKind.CategoryAmountOff => DiscountLabels.AmountOffOver(template.Threshold, template.Amount) + "券",
        CouponKind.PercentOff or CouponKind.CategoryPercentOff => DiscountLabels.ZheFromPercent(template.Percent) + "券",
        _ => "赠品券",
    };
}

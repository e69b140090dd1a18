namespace OrleansLoyalty.Domain;

/// <summary>Checks a coupon template (<c>POST /coupon-templates</c>, and the programme's gift coupons).</summary>
public static class CouponTemplateValidator
{
    /// <summary>A million points (¥10,000 of burning): beyond any reward a supermarket offers.</summary>
    public const long MaxPointsPrice = 1_000_000;

    /// <summary>A reward's stock is counted by one grain holding every buyer's txnId: a hundred thousand is plenty.</summary>
    public const int MaxRewardStock = 100_000;

    public static IReadOnlyList<string> Validate(CouponTemplate? template)
    {
        var errors = new List<string>();
        if (template is null)
        {
            errors.Add("couponTemplate is required");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(template.TemplateId))
        {
            errors.Add("templateId is required");
        }
        if (!Enum.IsDefined(template.Kind))
        {
            errors.Add("kind is not a known coupon kind");
        }
        if (template.PointsPrice is { } price && (price <= 0 || price > MaxPointsPrice))
        {
            errors.Add($"pointsPrice must be between 1 and {MaxPointsPrice}");
        }
        if (template.RewardStock is { } stock && (stock <= 0 || stock > MaxRewardStock || template.PointsPrice is null))
        {
            errors.Add($"rewardStock must be between 1 and {MaxRewardStock}, for a template with a pointsPrice");
        }
        if (template.PointsPrice is not null && template.Public)
        {
            errors.Add("pointsPrice belongs to member coupons: a public code is not bought");
        }
        if (template.Threshold < 0)
        {
            errors.Add("threshold must not be negative");
        }
        switch (template.Kind)
        {
            case CouponKind.AmountOffOver or CouponKind.CategoryAmountOff when template.Amount <= 0:
                errors.Add("amount must be positive");
                break;
            case CouponKind.PercentOff or CouponKind.CategoryPercentOff when template.Percent is <= 0 or > 100:
                errors.Add("percent must be between 1 and 100");
                break;
        }
        if (template.IsTargeted && template.CategoryPath.IsDefaultOrEmpty && template.Skus.IsDefaultOrEmpty)
        {
            errors.Add("categoryPath or skus is required for this kind");
        }
        if (template.ValidDays is { } days && days <= 0)
        {
            errors.Add("validDays must be positive");
        }
        if (template.ValidDays is null && template.ValidFrom is { } from && template.ValidTo is { } to && to < from)
        {
            errors.Add("validTo must not be before validFrom");
        }
        if (template.Public && string.IsNullOrWhiteSpace(template.Code))
        {
            errors.Add("a public template needs a code");
        }
        if (template.MaxRedemptions is < 0)
        {
            errors.Add("maxRedemptions must not be negative");
        }
        return errors;
    }
}

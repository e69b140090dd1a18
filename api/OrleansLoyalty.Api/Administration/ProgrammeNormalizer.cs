using System.Collections.Immutable;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Administration;

/// <summary>
/// What JSON leaves unset becomes explicit: a missing list is an empty list (the engine never meets a default
/// ImmutableArray). Also the checks the domain validator leaves to the api: names shown to shoppers.
/// </summary>
public static class ProgrammeNormalizer
{
    public static Programme Normalize(Programme p) => p with
    {
        Earning = p.Earning is null ? null! : p.Earning with { ExcludedCategories = Paths(p.Earning.ExcludedCategories) },
        NotDiscountableCategories = Paths(p.NotDiscountableCategories),
        StoredValue = p.StoredValueRules,
        Gifts = p.Gifts is null ? null! : p.Gifts with
        {
            SignUp = p.Gifts.SignUp is null ? null! : p.Gifts.SignUp with { Coupon = Template(p.Gifts.SignUp.Coupon) },
            Birthday = p.Gifts.Birthday is null ? null! : p.Gifts.Birthday with { Coupon = Template(p.Gifts.Birthday.Coupon) },
        },
    };

    public static CouponTemplate? Template(CouponTemplate? t) =>
        t is null ? null : t with { CategoryPath = t.CategoryPath.IsDefault ? [] : t.CategoryPath, Skus = t.Skus.IsDefault ? [] : t.Skus };

    public static void CheckLabels(Programme p, Rules rules)
    {
        if (!p.Tiers.IsDefault)
        {
            for (var i = 0; i < p.Tiers.Length; i++)
            {
                if (p.Tiers[i] is { } tier && string.IsNullOrWhiteSpace(tier.ShortName))
                {
                    rules.Add($"tiers[{i}].shortName", "is required (it is printed in discount labels, e.g. 金卡95折)");
                }
            }
        }
        if (p.MemberDay is { } memberDay && string.IsNullOrWhiteSpace(memberDay.Label))
        {
            rules.Add("memberDay.label", "is required");
        }
    }

    private static ImmutableArray<ImmutableArray<string>> Paths(ImmutableArray<ImmutableArray<string>> paths) =>
        paths.IsDefault ? [] : [.. paths.Select(path => path.IsDefault ? [] : path)];
}

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// Coupon templates of every kind for the golden worlds: member and public ones, with and without names
/// (generated labels), thresholds, category and SKU targets, date windows and redemption limits.
/// </summary>
internal static class GoldenCoupons
{
    public static List<CouponTemplate> Templates(Random random, IReadOnlyList<Product> products)
    {
        var templates = new List<CouponTemplate>();
        var kinds = Enum.GetValues<CouponKind>();
        for (var i = 0; i < 12; i++)
        {
            var kind = kinds[i % kinds.Length];
            var isPublic = i >= 6;
            var product = GoldenCampaigns.WithCategory(random, products);
            ImmutableArray<string> category = kind is CouponKind.CategoryAmountOff or CouponKind.CategoryPercentOff or CouponKind.Gift && random.Next(3) != 0
                ? [.. product.CategoryPath.Take(random.Next(1, product.CategoryPath.Length + 1))]
                : [];
            ImmutableArray<string> skus = kind is CouponKind.CategoryAmountOff or CouponKind.CategoryPercentOff or CouponKind.Gift && (category.IsEmpty || random.Next(2) == 0)
                ? [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => products[random.Next(products.Count)].Sku)]
                : [];
            DateOnly? from = isPublic && random.Next(3) == 0 ? new DateOnly(2026, 12, 1) : null;
            DateOnly? to = isPublic && random.Next(3) == 0 ? new DateOnly(2027, 1, 31) : null;
            templates.Add(new CouponTemplate(
                TemplateId: $"t{i}",
                Name: random.Next(2) == 0 ? "" : $"券{i}",
                Kind: kind,
                Threshold: random.Next(3) == 0 ? 0 : random.Next(1, 30) * 500,
                Amount: random.Next(1, 40) * 100 + random.Next(2),
                Percent: random.Next(1, 51),
                CategoryPath: category,
                Skus: skus,
                ValidDays: isPublic ? null : 30,
                ValidFrom: from,
                ValidTo: to,
                Public: isPublic,
                Code: isPublic ? $"PUB{i}" : null,
                MaxRedemptions: isPublic && random.Next(3) == 0 ? random.Next(0, 3) : null));
        }
        return templates;
    }
}

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// The shops the golden-results test prices in: a supermarket shaped like the benchmark's (3-level categories,
/// <c>SKU000123</c> SKUs, weighed fresh goods, 200 campaigns) and small shops with programme variants (coupon
/// stacking, earning on the money part only, a member day bigger than any tier, no tiers at all, a
/// sub-category kept out of discounts). Campaigns and coupon templates mix every kind and option.
/// </summary>
internal static class GoldenWorlds
{
    /// <summary>(world, baskets priced in it). About four thousand baskets in all.</summary>
    public static IEnumerable<(GoldenWorld World, int Baskets)> All()
    {
        yield return (Supermarket(), 1_500);
        yield return (SmallShop("default-programme", 11, Programme.Default), 500);
        yield return (SmallShop("coupons-stack", 12, CouponsStack()), 500);
        yield return (SmallShop("big-member-day", 13, BigMemberDay()), 500);
        yield return (SmallShop("no-tiers", 14, Programme.Default with { Tiers = [] }), 250);
        yield return (SmallShop("dairy-not-discountable", 15, DairyNotDiscountable()), 500);
        yield return (Supermarket("supermarket-few-campaigns", 16, campaigns: 12), 250);
    }

    private static Programme CouponsStack() => Programme.Default with
    {
        Coupons = new CouponPolicy(OnePerKind: false, RestoreOnVoidOrFullReturn: true),
        Earning = new EarningPolicy(PointsPerYuan: 2, [["烟草"]], EarnOnPointsRedeemed: false),
        Burning = new BurningPolicy(PointsPerYuan: 50, Step: 50, MaxShareBasisPoints: 3_000),
    };

    private static Programme BigMemberDay() => Programme.Default with
    {
        MemberDay = new MemberDayPolicy(true, DayOfWeek.Wednesday, 1_500, "会员日"),
        Tiers =
        [
            new TierDefinition("standard", "普通会员", "普通会员", 0, 0, 0, 1000),
            new TierDefinition("silver", "银卡会员", "银卡", 200_000, 24, 1_500, 1250),
            new TierDefinition("gold", "金卡会员", "金卡", 800_000, 60, 750, 2000),
        ],
        Gifts = Programme.Default.Gifts with { Birthday = new BirthdayGift(30, null), SignUp = new SignUpGift(100, null) },
    };

    private static Programme DairyNotDiscountable() => Programme.Default with
    {
        NotDiscountableCategories = [["食品", "乳制品"], ["烟草"]],
        Earning = Programme.Default.Earning with { ExcludedCategories = [["婴幼儿奶粉"], ["生鲜", "水果"]] },
        MemberDay = Programme.Default.MemberDay with { Enabled = false },
    };

    private static GoldenWorld Supermarket(string name = "supermarket", int seed = 10, int campaigns = 200)
    {
        var random = new Random(seed);
        string[] departments = ["食品", "饮料", "日化", "生鲜", "酒水", "家居", "粮油", "零食", "烟草", "文具", "婴幼儿奶粉", "储值充值"];
        var products = new List<Product>();
        for (var i = 0; i < 12_000; i++)
        {
            var department = i * departments.Length / 12_000;
            var aisle = i / 100 % 10;
            var shelf = i / 20 % 5;
            ImmutableArray<string> path = [departments[department], $"{departments[department]}-{aisle:D2}", $"{departments[department]}-{aisle:D2}-{shelf}"];
            var weighed = department == 3 && i % 4 == 0;
            products.Add(new Product($"SKU{i:D6}", "69" + (100_000_000_000L + i), $"商品{i}", path,
                weighed ? random.Next(600, 6_000) : random.Next(150, 3_000), weighed));
        }
        return new GoldenWorld(name, seed, Programme.Default, products,
            GoldenCampaigns.Random(random, products, campaigns), GoldenCoupons.Templates(random, products));
    }

    private static GoldenWorld SmallShop(string name, int seed, Programme programme)
    {
        var random = new Random(seed);
        Product[] products =
        [
            Shop.Milk, Shop.Yogurt, Shop.Apple, Shop.Rice, Shop.Cigarettes, Shop.Formula,
            new("CHEESE", "6907", "奶酪", ["食品", "乳制品", "奶酪"], 3_250, false),
            new("PEAR", "6908", "梨", ["生鲜", "水果"], 990, true),
            new("BEEF", "6909", "牛肉", ["生鲜", "肉类"], 8_800, true),
            new("SOAP", "6910", "香皂", ["日化"], 450, false),
            new("TOPUP", "6911", "储值卡", ["储值充值"], 10_000, false),
            new("WATER", "6912", "矿泉水", ["饮料", "水"], 200, false),
            new("BEER", "6913", "啤酒", ["饮料", "酒"], 650, false),
            new("SNACK", "6914", "薯片", ["食品"], 799, false),
            new("NOCAT", "6915", "未分类", default, 300, false),
            new("EMPTYCAT", "6916", "空类别", [], 120, false),
        ];
        var campaigns = GoldenCampaigns.Random(random, products, random.Next(6, 16));
        return new GoldenWorld(name, seed, programme, products, campaigns, GoldenCoupons.Templates(random, products));
    }
}

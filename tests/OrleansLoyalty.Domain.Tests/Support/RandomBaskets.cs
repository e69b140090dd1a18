namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// Random but reproducible shops and baskets for property tests: FsCheck picks the seed, the seed picks
/// everything else, so a failing case is reported as one integer that replays it exactly.
/// </summary>
internal sealed class RandomBaskets(int seed)
{
    private static readonly Product[] Products = [Shop.Milk, Shop.Yogurt, Shop.Apple, Shop.Rice, Shop.Cigarettes, Shop.Formula];
    private static readonly string[][] Categories = [["食品"], ["食品", "乳制品"], ["生鲜", "水果"], ["食品", "粮油"]];
    private static readonly string[] Tiers = ["standard", "silver", "gold"];

    private readonly Random _random = new(seed);

    public PricingEngine Engine() => Shop.Engine(Campaigns(), CouponTemplates());

    public PricingRequest Request()
    {
        var lines = new List<BasketLine>();
        var count = _random.Next(0, 21);
        for (var i = 0; i < count; i++)
        {
            var product = Products[_random.Next(Products.Length)];
            lines.Add(product.SoldByWeight
                ? Shop.Weighed($"L{i}", product, _random.Next(1, 3_000))
                : new BasketLine($"L{i}", product.Sku, _random.Next(1, 6), null, _random.Next(4) == 0 ? _random.Next(0, 10_000) : null));
        }
        MemberContext? member = _random.Next(4) == 0
            ? null
            : Shop.Member(Tiers[_random.Next(Tiers.Length)], _random.Next(0, 20_000),
                _random.Next(3) == 0 ? new MemberBirthday(11, 24 + _random.Next(2), BirthdayCalendar.Gregorian) : null,
                [Shop.Coupon("M-MJ", "t-mj"), Shop.Coupon("M-PCT", "t-pct"), Shop.Coupon("M-CAT", "t-cat"), Shop.Coupon("M-GIFT", "t-gift")]);
        string[] codes = ["M-MJ", "M-PCT", "M-CAT", "M-GIFT", "PUBLIC", "NOPE"];
        var presented = codes.Where(_ => _random.Next(3) == 0).OrderBy(_ => _random.Next()).ToArray();
        var at = _random.Next(2) == 0 ? Shop.Tuesday : Shop.Wednesday;
        return Shop.Request(lines, member, at, presented, redeemPoints: _random.Next(0, 30_000));
    }

    private List<Campaign> Campaigns()
    {
        var campaigns = new List<Campaign>();
        var count = _random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            var kind = (CampaignKind)_random.Next(4);
            var reward = kind switch
            {
                CampaignKind.PercentOff => Shop.PercentOff(_random.Next(1, 101)),
                CampaignKind.AmountOffOver => Shop.AmountOffOver(_random.Next(0, 20_000), _random.Next(1, 30_000)),
                CampaignKind.PointsMultiplier => Shop.Multiplier(_random.Next(10, 51)),
                _ => Shop.Bonus(_random.Next(1, 500), _random.Next(0, 10_000)),
            };
            var target = _random.Next(3) switch
            {
                0 => CampaignTarget.Everything,
                1 => new CampaignTarget([], [], [.. Categories[_random.Next(Categories.Length)]], []),
                _ => Shop.Skus(Products[_random.Next(Products.Length)].Sku),
            };
            var limits = new CampaignLimits(null, _random.Next(3) == 0 ? _random.Next(0, 2_000) : null);
            campaigns.Add(Shop.Campaign($"c{i}", kind, reward, target, limits: limits,
                stacking: new CampaignStacking(_random.Next(4) == 0, _random.Next(0, 5))));
        }
        return campaigns;
    }

    private List<CouponTemplate> CouponTemplates() =>
    [
        Shop.Template("t-mj", CouponKind.AmountOffOver, threshold: _random.Next(0, 10_000), amount: _random.Next(1, 20_000)),
        Shop.Template("t-pct", CouponKind.PercentOff, percent: _random.Next(1, 101)),
        Shop.Template("t-cat", CouponKind.CategoryAmountOff, threshold: _random.Next(0, 3_000), amount: _random.Next(1, 5_000), category: ["食品"]),
        Shop.Template("t-gift", CouponKind.Gift, skus: ["YOGURT", "MILK"]),
        Shop.Template("t-pub", CouponKind.CategoryPercentOff, percent: _random.Next(1, 101), category: ["生鲜"], publicCode: "PUBLIC"),
    ];
}

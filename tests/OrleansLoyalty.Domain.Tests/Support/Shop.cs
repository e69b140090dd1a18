namespace OrleansLoyalty.Domain.Tests;

/// <summary>A small store: products, dates and builders the tests share.</summary>
internal static class Shop
{
    public static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly Product Milk = new("MILK", "6901", "纯牛奶", ["食品", "乳制品", "牛奶"], 1_000, false);
    public static readonly Product Yogurt = new("YOGURT", "6902", "酸奶", ["食品", "乳制品", "酸奶"], 550, false);
    public static readonly Product Apple = new("APPLE", "6903", "苹果", ["生鲜", "水果"], 1_200, true);
    public static readonly Product Rice = new("RICE", "6904", "大米", ["食品", "粮油"], 5_990, false);
    public static readonly Product Cigarettes = new("CIG", "6905", "香烟", ["烟草", "卷烟"], 2_500, false);
    public static readonly Product Formula = new("FORMULA", "6906", "婴儿奶粉", ["婴幼儿奶粉"], 30_000, false);

    public static readonly Catalog Catalog = new([Milk, Yogurt, Apple, Rice, Cigarettes, Formula]);

    public static PricingEngine Engine(
        IEnumerable<Campaign>? campaigns = null,
        IEnumerable<CouponTemplate>? templates = null,
        Programme? programme = null) =>
        new(programme ?? Programme.Default, Catalog, campaigns ?? [], templates ?? []);

    public static MemberContext Member(
        string tier = "standard",
        long points = 0,
        MemberBirthday? birthday = null,
        ImmutableArray<Coupon> coupons = default,
        ImmutableDictionary<string, int>? usage = null) =>
        new("m1", tier, birthday, points, coupons.IsDefault ? [] : coupons, usage);

    public static PricingRequest Request(
        IEnumerable<BasketLine> lines,
        MemberContext? member = null,
        DateTimeOffset? at = null,
        IEnumerable<string>? coupons = null,
        long redeemPoints = 0,
        string storeId = "s001",
        ImmutableDictionary<string, long?>? budgets = null) =>
        new(storeId, "03", at ?? Tuesday, member, [.. lines], [.. coupons ?? []], redeemPoints, budgets);

    public static BasketLine Line(string lineId, Product product, int qty = 1) => new(lineId, product.Sku, qty);

    public static BasketLine Weighed(string lineId, Product product, int grams) => new(lineId, product.Sku, 0, grams);

    public static Campaign Campaign(
        string id,
        CampaignKind kind,
        CampaignReward reward,
        CampaignTarget? target = null,
        CampaignSchedule? schedule = null,
        CampaignLimits? limits = null,
        CampaignStacking? stacking = null,
        bool paused = false) =>
        new(id, id, kind, schedule ?? CampaignSchedule.Always, target ?? CampaignTarget.Everything, reward,
            limits ?? CampaignLimits.None, stacking ?? CampaignStacking.Default, paused);

    public static CampaignReward PercentOff(int percent) => new(percent, 0, 0, 0, 0);
    public static CampaignReward AmountOffOver(long threshold, long amount) => new(0, threshold, amount, 0, 0);
    public static CampaignReward Multiplier(int tenths) => new(0, 0, 0, tenths, 0);
    public static CampaignReward Bonus(long points, long threshold = 0) => new(0, threshold, 0, 0, points);

    public static CampaignTarget Category(params string[] path) => new([], [], [.. path], []);
    public static CampaignTarget Skus(params string[] skus) => new([], [], [], [.. skus]);

    public static CouponTemplate Template(
        string id,
        CouponKind kind,
        long threshold = 0,
        long amount = 0,
        int percent = 0,
        ImmutableArray<string> category = default,
        ImmutableArray<string> skus = default,
        string? publicCode = null,
        string name = "") =>
        new(id, name, kind, threshold, amount, percent, category.IsDefault ? [] : category, skus.IsDefault ? [] : skus,
            ValidDays: 30, ValidFrom: null, ValidTo: null, Public: publicCode is not null, Code: publicCode, MaxRedemptions: null);

    public static Coupon Coupon(string code, string templateId, DateOnly? from = null, DateOnly? to = null, CouponStatus status = CouponStatus.Active) =>
        new(code, templateId, status, from ?? new DateOnly(2026, 11, 1), to ?? new DateOnly(2026, 12, 31));
}

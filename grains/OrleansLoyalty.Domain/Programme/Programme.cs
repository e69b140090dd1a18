namespace OrleansLoyalty.Domain;

/// <summary>
/// The loyalty programme: every number an administrator can change (programme.md). Integers only:
/// money in fen, shares in basis points, multipliers per-mille (tiers) or tenths (birthday, campaigns).
/// </summary>
/// <param name="Tiers">Ordered lowest to highest; the first is the registration tier.</param>
/// <param name="NotDiscountableCategories">
/// Category paths (prefix match) that get no tier, member-day, campaign or coupon discount
/// (points may still pay for them).
/// </param>
/// <param name="StoredValue">When stored value takes the payment PIN; null (a programme saved before it existed) is the default.</param>
[GenerateSerializer, Immutable, Alias("domain.Programme")]
public sealed record Programme(
    [Id(0)] ImmutableArray<TierDefinition> Tiers,
    [Id(1)] EarningPolicy Earning,
    [Id(2)] BurningPolicy Burning,
    [Id(3)] ExpiryPolicy Expiry,
    [Id(4)] GiftPolicy Gifts,
    [Id(5)] MemberDayPolicy MemberDay,
    [Id(6)] CouponPolicy Coupons,
    [Id(7)] ReturnPolicy Returns,
    [Id(8)] ImmutableArray<ImmutableArray<string>> NotDiscountableCategories,
    [Id(9)] StoredValuePolicy? StoredValue = null)
{
    /// <summary>The stored-value rules in force.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StoredValuePolicy StoredValueRules => StoredValue ?? StoredValuePolicy.Default;

    /// <summary>Top-level categories the default programme excludes from earning and from discounts.</summary>
    public static ImmutableArray<ImmutableArray<string>> DefaultExcludedCategories { get; } =
    [
        ["烟草"],
        ["婴幼儿奶粉"],
        ["储值充值"],
    ];

    /// <summary>Exactly the numbers of programme.md.</summary>
    public static Programme Default { get; } = new(
        Tiers:
        [
            new TierDefinition("standard", "普通会员", "普通会员", 0, 0, 0, 1000),
            new TierDefinition("silver", "银卡会员", "银卡", 200_000, 24, 200, 1200),
            new TierDefinition("gold", "金卡会员", "金卡", 800_000, 60, 500, 1500),
        ],
        Earning: new EarningPolicy(PointsPerYuan: 1, DefaultExcludedCategories, EarnOnPointsRedeemed: true),
        Burning: new BurningPolicy(PointsPerYuan: 100, Step: 100, MaxShareBasisPoints: 5000),
        Expiry: ExpiryPolicy.Default,
        Gifts: new GiftPolicy(
            SignUp: new SignUpGift(100, new CouponTemplate(
                "signup-10-off-50", "新会员满50减10", CouponKind.AmountOffOver, Threshold: 5_000, Amount: 1_000, Percent: 0,
                CategoryPath: [], Skus: [], ValidDays: 30, ValidFrom: null, ValidTo: null, Public: false, Code: null, MaxRedemptions: null)),
            Referral: new ReferralGift(ReferrerPoints: 200, RefereePoints: 0),
            Birthday: new BirthdayGift(20, new CouponTemplate(
                "birthday-20-off-100", "生日满100减20", CouponKind.AmountOffOver, Threshold: 10_000, Amount: 2_000, Percent: 0,
                CategoryPath: [], Skus: [], ValidDays: null, ValidFrom: null, ValidTo: null, Public: false, Code: null, MaxRedemptions: null))),
        MemberDay: new MemberDayPolicy(Enabled: true, DayOfWeek.Wednesday, DiscountBasisPoints: 1000, Label: "会员日"),
        Coupons: new CouponPolicy(OnePerKind: true, RestoreOnVoidOrFullReturn: true),
        Returns: new ReturnPolicy(ClawbackShortfall.NegativeBalance),
        NotDiscountableCategories: DefaultExcludedCategories,
        StoredValue: StoredValuePolicy.Default);

    /// <summary>The tier with <paramref name="tierId"/>, or null.</summary>
    public TierDefinition? FindTier(string? tierId)
    {
        if (tierId is null || Tiers.IsDefault)
        {
            return null;
        }
        foreach (var tier in Tiers)
        {
            if (string.Equals(tier.Id, tierId, StringComparison.Ordinal))
            {
                return tier;
            }
        }
        return null;
    }

    /// <summary>Position of <paramref name="tierId"/> in <see cref="Tiers"/>, or -1.</summary>
    public int TierRank(string? tierId)
    {
        if (tierId is null || Tiers.IsDefault)
        {
            return -1;
        }
        for (var i = 0; i < Tiers.Length; i++)
        {
            if (string.Equals(Tiers[i].Id, tierId, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

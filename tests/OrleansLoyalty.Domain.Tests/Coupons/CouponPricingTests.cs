namespace OrleansLoyalty.Domain.Tests;

public class CouponPricingTests
{
    private static readonly CouponTemplate[] Templates =
    [
        Shop.Template("t-mj", CouponKind.AmountOffOver, threshold: 5_000, amount: 1_000),
        Shop.Template("t-pct", CouponKind.PercentOff, percent: 10),
        Shop.Template("t-cat-amt", CouponKind.CategoryAmountOff, threshold: 2_000, amount: 500, category: ["食品", "乳制品"], name: "乳品满20减5"),
        Shop.Template("t-cat-pct", CouponKind.CategoryPercentOff, percent: 20, category: ["食品", "乳制品"]),
        Shop.Template("t-gift", CouponKind.Gift, skus: ["YOGURT"]),
        Shop.Template("t-pub", CouponKind.AmountOffOver, amount: 300, publicCode: "WELCOME") with { MaxRedemptions = 100 },
    ];

    private static readonly ImmutableArray<Coupon> Wallet =
    [
        Shop.Coupon("C-MJ", "t-mj"),
        Shop.Coupon("C-MJ2", "t-mj"),
        Shop.Coupon("C-PCT", "t-pct"),
        Shop.Coupon("C-CATA", "t-cat-amt"),
        Shop.Coupon("C-CATP", "t-cat-pct"),
        Shop.Coupon("C-GIFT", "t-gift"),
        Shop.Coupon("C-OLD", "t-mj", to: new DateOnly(2026, 11, 23)),
        Shop.Coupon("C-FUT", "t-mj", from: new DateOnly(2026, 11, 25)),
        Shop.Coupon("C-USED", "t-mj", status: CouponStatus.Used),
        Shop.Coupon("C-ORPHAN", "t-gone"),
    ];

    private static readonly BasketLine[] Basket =
        [Shop.Line("1", Shop.Milk, 2), Shop.Line("2", Shop.Yogurt), Shop.Line("3", Shop.Rice)];

    private static PricingResult Price(IEnumerable<string> codes, IEnumerable<BasketLine>? lines = null, bool anonymous = false,
        ImmutableDictionary<string, long>? publicLeft = null)
    {
        var request = Shop.Request(lines ?? Basket, anonymous ? null : Shop.Member(coupons: Wallet), coupons: codes)
            with { RemainingPublicCouponRedemptions = publicLeft };
        var result = Shop.Engine(templates: Templates).Price(request);
        Invariants.Hold(result);
        return result;
    }

    private static string Rejection(PricingResult result, string code) =>
        Assert.Single(result.RejectedCoupons, rejected => rejected.Code == code).Reason;

    [Fact]
    public void Amount_off_over_coupon_spreads_its_amount_over_the_basket()
    {
        var result = Price(["C-MJ"]);

        var discount = Assert.Single(result.Discounts);
        Assert.Equal(("coupon:C-MJ", DiscountKind.Coupon, "满50减10券", 1_000L), (discount.RuleId, discount.Kind, discount.Label, discount.Amount));
        Assert.Equal(["C-MJ"], result.CouponsApplied.ToArray());
        Assert.Equal(2_000 + 550 + 5_990 - 1_000, result.Total);
    }

    [Fact]
    public void Category_coupons_touch_only_their_category()
    {
        var amountOff = Price(["C-CATA"]);
        var percentOff = Price(["C-CATP"]);

        Assert.Equal(("乳品满20减5", 500L), (Assert.Single(amountOff.Discounts).Label, amountOff.DiscountTotal));
        Assert.Equal(["1", "2"], amountOff.Discounts[0].LineIds.ToArray());
        Assert.Equal(5_990, amountOff.Lines.Single(line => line.LineId == "3").Net);
        Assert.Equal(400 + 110, percentOff.DiscountTotal);
        Assert.Equal("8折券", percentOff.Discounts[0].Label);
    }

    [Fact]
    public void Gift_coupon_makes_one_unit_free()
    {
        var result = Price(["C-GIFT"], [Shop.Line("1", Shop.Yogurt, 3)]);

        Assert.Equal(550, result.DiscountTotal);
        Assert.Equal(1_100, result.Total);
    }

    [Fact]
    public void Coupons_of_different_kinds_stack_but_one_of_each_kind()
    {
        var result = Price(["C-MJ", "C-PCT", "C-MJ2"]);

        Assert.Equal(["C-MJ", "C-PCT"], result.CouponsApplied.ToArray());
        Assert.Equal(CouponRejections.KindAlreadyUsed, Rejection(result, "C-MJ2"));
        // 满减 first (nets 1766 + 486 + 5288), then 10 % off each line, rounded half up per line: 177 + 49 + 529.
        Assert.Equal(1_000 + 755, result.DiscountTotal);
    }

    [Fact]
    public void Each_rejection_has_its_reason()
    {
        var result = Price(["C-OLD", "C-FUT", "C-USED", "NOPE", "C-ORPHAN", "C-CATA"], [Shop.Line("1", Shop.Rice)]);

        Assert.Equal(CouponRejections.Expired, Rejection(result, "C-OLD"));
        Assert.Equal(CouponRejections.NotYetValid, Rejection(result, "C-FUT"));
        Assert.Equal(CouponRejections.AlreadyRedeemed, Rejection(result, "C-USED"));
        Assert.Equal(CouponRejections.Unknown, Rejection(result, "NOPE"));
        Assert.Equal(CouponRejections.Unknown, Rejection(result, "C-ORPHAN"));
        Assert.Equal(CouponRejections.NotApplicable, Rejection(result, "C-CATA"));
        Assert.Empty(result.CouponsApplied);
        Assert.Equal(5_990, result.Total);
    }

    [Fact]
    public void A_coupon_below_its_threshold_is_rejected_and_frees_its_kind()
    {
        var result = Price(["C-CATA", "C-MJ"], [Shop.Line("1", Shop.Milk)]);

        Assert.Equal(CouponRejections.ThresholdNotMet, Rejection(result, "C-CATA"));
        Assert.Equal(CouponRejections.ThresholdNotMet, Rejection(result, "C-MJ"));
    }

    [Fact]
    public void The_same_code_twice_is_used_once()
    {
        var result = Price(["C-MJ", "c-mj"]);

        Assert.Equal(["C-MJ"], result.CouponsApplied.ToArray());
        Assert.Equal(CouponRejections.AlreadyRedeemed, Rejection(result, "c-mj"));
    }

    [Fact]
    public void Public_codes_work_for_anyone_until_they_run_out()
    {
        var anonymous = Price(["welcome"], anonymous: true);
        var exhausted = Price(["WELCOME"], publicLeft: ImmutableDictionary<string, long>.Empty.Add("WELCOME", 0));
        var memberCodeWithoutMember = Price(["C-MJ"], anonymous: true);

        Assert.Equal(300, anonymous.DiscountTotal);
        Assert.Equal(["WELCOME"], anonymous.CouponsApplied.ToArray());
        Assert.Equal(CouponRejections.AlreadyRedeemed, Rejection(exhausted, "WELCOME"));
        Assert.Equal(CouponRejections.Unknown, Rejection(memberCodeWithoutMember, "C-MJ"));
    }

    [Fact]
    public void Coupons_never_discount_goods_kept_out_of_discounts()
    {
        var result = Price(["C-PCT"], [Shop.Line("1", Shop.Cigarettes)]);

        Assert.Equal(CouponRejections.NotApplicable, Rejection(result, "C-PCT"));
    }
}

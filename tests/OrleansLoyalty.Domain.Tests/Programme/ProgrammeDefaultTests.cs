namespace OrleansLoyalty.Domain.Tests;


public class ProgrammeDefaultTests
{
    private static readonly Programme Default = Programme.Default;

    [Fact]
    public void Tiers_are_those_of_programme_md()
    {
        Assert.Collection(Default.Tiers,
            standard => Assert.Equal(("standard", 0L, 0, 0, 1000), (standard.Id, standard.SpendThreshold, standard.VisitsThreshold, standard.DiscountBasisPoints, standard.PointsMultiplierPerMille)),
            silver => Assert.Equal(("silver", 200_000L, 24, 200, 1200), (silver.Id, silver.SpendThreshold, silver.VisitsThreshold, silver.DiscountBasisPoints, silver.PointsMultiplierPerMille)),
            gold => Assert.Equal(("gold", 800_000L, 60, 500, 1500), (gold.Id, gold.SpendThreshold, gold.VisitsThreshold, gold.DiscountBasisPoints, gold.PointsMultiplierPerMille)));
    }

    [Fact]
    public void Earning_burning_and_expiry_are_those_of_programme_md()
    {
        Assert.Equal(1, Default.Earning.PointsPerYuan);
        Assert.Contains(Default.Earning.ExcludedCategories, path => path.SequenceEqual(["烟草"]));
        Assert.Contains(Default.Earning.ExcludedCategories, path => path.SequenceEqual(["婴幼儿奶粉"]));
        Assert.Equal((100L, 100L, 5000), (Default.Burning.PointsPerYuan, Default.Burning.Step, Default.Burning.MaxShareBasisPoints));
        Assert.Equal(new DateOnly(2027, 12, 31), Default.Expiry.ExpiresOn(new DateOnly(2026, 1, 1)));
        Assert.Equal(30, Default.Expiry.NoticeDays);
    }

    [Fact]
    public void Gifts_member_day_and_coupons_are_those_of_programme_md()
    {
        var signUp = Default.Gifts.SignUp;
        Assert.Equal(100, signUp.Points);
        Assert.Equal((CouponKind.AmountOffOver, 5_000L, 1_000L, 30), (signUp.Coupon!.Kind, signUp.Coupon.Threshold, signUp.Coupon.Amount, signUp.Coupon.ValidDays));
        Assert.Equal(200, Default.Gifts.Referral.ReferrerPoints);
        Assert.Equal(20, Default.Gifts.Birthday.PointsMultiplierTenths);
        Assert.Equal((10_000L, 2_000L), (Default.Gifts.Birthday.Coupon!.Threshold, Default.Gifts.Birthday.Coupon.Amount));
        Assert.Equal((true, DayOfWeek.Wednesday, 1000), (Default.MemberDay.Enabled, Default.MemberDay.Weekday, Default.MemberDay.DiscountBasisPoints));
        Assert.True(Default.Coupons.OnePerKind);
        Assert.True(Default.Coupons.RestoreOnVoidOrFullReturn);
        Assert.Equal(ClawbackShortfall.NegativeBalance, Default.Returns.Shortfall);
    }

    [Fact]
    public void Sign_up_coupon_is_valid_thirty_days_including_the_issue_day()
    {
        var coupon = Default.Gifts.SignUp.Coupon!.Issue("S1", new DateOnly(2026, 11, 22));

        Assert.Equal(new DateOnly(2026, 11, 22), coupon.ValidFrom);
        Assert.Equal(new DateOnly(2026, 12, 21), coupon.ValidTo);
    }

    [Fact]
    public void Birthday_coupon_is_valid_for_the_birthday_month()
    {
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), BirthdayGift.CouponWindow(new DateOnly(2026, 2, 14)));
    }
}

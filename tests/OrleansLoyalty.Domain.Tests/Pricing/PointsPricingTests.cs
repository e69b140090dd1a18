namespace OrleansLoyalty.Domain.Tests;

public class PointsPricingTests
{
    private static readonly BasketLine[] Rice = [Shop.Line("1", Shop.Rice)];

    private static PricingResult Price(MemberContext? member, long redeem = 0, IEnumerable<BasketLine>? lines = null,
        DateTimeOffset? at = null, Programme? programme = null)
    {
        var result = Shop.Engine(programme: programme).Price(Shop.Request(lines ?? Rice, member, at, redeemPoints: redeem));
        Invariants.Hold(result);
        return result;
    }

    [Fact]
    public void Points_pay_at_most_half_the_basket_in_steps_of_one_hundred()
    {
        var result = Price(Shop.Member(points: 10_000), redeem: 5_000);

        Assert.Equal(2_900, result.PointsRedeemed);   // half of ¥59.90 is ¥29.95 → 2900 points
        Assert.Equal(2_900, result.PointsValue);
        Assert.Equal(3_090, result.Total);
        var discount = Assert.Single(result.Discounts);
        Assert.Equal(("points", DiscountKind.Points, "积分抵扣"), (discount.RuleId, discount.Kind, discount.Label));
        Assert.Contains(result.Messages, message => message.Contains("2900", StringComparison.Ordinal));
        Assert.Equal(0, result.DiscountTotal);
    }

    [Theory]
    [InlineData(10_000, 350, 300)]
    [InlineData(250, 500, 200)]
    [InlineData(99, 100, 0)]
    [InlineData(10_000, 0, 0)]
    [InlineData(10_000, -100, 0)]
    public void Points_redeemed_are_rounded_down_to_the_step_and_the_balance(long balance, long requested, long redeemed)
    {
        Assert.Equal(redeemed, Price(Shop.Member(points: balance), redeem: requested).PointsRedeemed);
    }

    [Fact]
    public void Anonymous_shoppers_cannot_redeem_points()
    {
        var result = Price(null, redeem: 1_000);

        Assert.Equal(0, result.PointsRedeemed);
        Assert.NotEmpty(result.Messages);
    }

    [Fact]
    public void Points_value_is_spread_over_the_lines_by_net()
    {
        var result = Price(Shop.Member(points: 10_000), redeem: 1_000, lines: [Shop.Line("1", Shop.Milk), Shop.Line("2", Shop.Rice, 3)]);

        Assert.Equal(1_000, result.PointsValue);
        Assert.All(result.Lines, line => Assert.True(line.PointsRedeemed > 0));
        Assert.Equal(1_000, result.Lines.Sum(line => line.PointsRedeemed));
    }

    [Theory]
    [InlineData("standard", 59)]  // ⌊59.90⌋
    [InlineData("silver", 69)]    // 5990 − 120 = 5870 → 58 × 1.2 = 69.6
    [InlineData("gold", 84)]      // 5990 − 300 = 5690 → 56 × 1.5
    public void One_point_per_full_yuan_paid_times_the_tier_multiplier_rounded_down(string tier, long points)
    {
        Assert.Equal(points, Price(Shop.Member(tier)).PointsToEarn);
    }

    [Fact]
    public void Tobacco_infant_formula_earn_nothing()
    {
        Assert.Equal(0, Price(Shop.Member(), lines: [Shop.Line("1", Shop.Cigarettes, 2), Shop.Line("2", Shop.Formula)]).PointsToEarn);
        Assert.Equal(59, Price(Shop.Member(), lines: [Shop.Line("1", Shop.Cigarettes, 2), Shop.Line("2", Shop.Rice)]).PointsToEarn);
    }

    [Fact]
    public void The_part_paid_with_points_still_earns_unless_the_programme_says_otherwise()
    {
        var moneyOnly = Programme.Default with { Earning = Programme.Default.Earning with { EarnOnPointsRedeemed = false } };

        Assert.Equal(59, Price(Shop.Member(points: 10_000), redeem: 2_900).PointsToEarn);
        Assert.Equal(30, Price(Shop.Member(points: 10_000), redeem: 2_900, programme: moneyOnly).PointsToEarn);
    }

    [Fact]
    public void Birthday_doubles_the_points_on_the_day_only()
    {
        var birthday = new MemberBirthday(11, 24, BirthdayCalendar.Gregorian);

        var onTheDay = Price(Shop.Member("gold", birthday: birthday));
        var dayAfter = Price(Shop.Member("gold", birthday: birthday), at: Shop.Wednesday);

        Assert.True(onTheDay.IsBirthday);
        Assert.Equal(168, onTheDay.PointsToEarn);
        Assert.False(dayAfter.IsBirthday);
    }

    [Fact]
    public void Anonymous_baskets_earn_nothing()
    {
        Assert.Equal(0, Price(null).PointsToEarn);
    }
}

namespace OrleansLoyalty.Domain.Tests;

public class CouponTemplateValidatorTests
{
    private static CouponTemplate Template(long? pointsPrice, bool isPublic = false) => new(
        "T1", "积分换券", CouponKind.AmountOffOver, 3_000, 500, 0, [], [], 30, null, null, isPublic, isPublic ? "PUB-1" : null, null, pointsPrice);

    [Theory]
    [InlineData(null)]
    [InlineData(1L)]
    [InlineData(CouponTemplateValidator.MaxPointsPrice)]
    public void A_member_coupon_may_be_for_sale_for_points_or_not(long? pointsPrice)
    {
        Assert.Empty(CouponTemplateValidator.Validate(Template(pointsPrice)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    [InlineData(CouponTemplateValidator.MaxPointsPrice + 1)]
    public void A_points_price_outside_its_range_is_refused(long pointsPrice)
    {
        Assert.Contains(CouponTemplateValidator.Validate(Template(pointsPrice)), e => e.StartsWith("pointsPrice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_code_is_not_sold_for_points()
    {
        Assert.Contains(CouponTemplateValidator.Validate(Template(100, isPublic: true)), e => e.StartsWith("pointsPrice", StringComparison.Ordinal));
    }
}

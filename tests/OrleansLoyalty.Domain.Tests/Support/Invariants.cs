namespace OrleansLoyalty.Domain.Tests;

/// <summary>What every priced basket must satisfy, whatever the rules did.</summary>
internal static class Invariants
{
    public static void Hold(PricingResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(result.Total, result.Lines.Sum(line => line.Net));
        Assert.Equal(result.Subtotal, result.Lines.Sum(line => line.Gross));
        Assert.Equal(result.Total, result.Subtotal - result.DiscountTotal - result.PointsValue);
        Assert.Equal(result.DiscountTotal + result.PointsValue, result.Discounts.Sum(discount => discount.Amount));
        Assert.Equal(result.PointsToEarn, result.Lines.Sum(line => line.PointsToEarn));
        Assert.Equal(result.PointsRedeemed, result.Lines.Sum(line => line.PointsRedeemed));
        Assert.True(result.Total >= 0);
        foreach (var line in result.Lines)
        {
            Assert.True(line.Net >= 0, $"line {line.LineId} net {line.Net}");
            Assert.True(line.Discount <= line.Gross);
            Assert.Equal(line.Gross - line.Discount, line.Net);
        }
        foreach (var discount in result.Discounts)
        {
            Assert.True(discount.Amount > 0);
            var covered = result.Lines.Where(line => discount.LineIds.Contains(line.LineId)).Sum(line => line.Gross);
            Assert.True(discount.Amount <= covered, $"{discount.RuleId} took {discount.Amount} off lines worth {covered}");
        }
    }
}

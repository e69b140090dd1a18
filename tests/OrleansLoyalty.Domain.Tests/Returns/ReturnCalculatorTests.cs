namespace OrleansLoyalty.Domain.Tests;

public class ReturnCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly PurchaseReceipt Receipt = new(
        [new ReceiptLine("1", 3, 1_000, 10, 100), new ReceiptLine("2", 1, 5_000, 50, 0)],
        StoredValueUsed: 2_000,
        Coupons: [Shop.Coupon("C-MJ", "t-mj", to: new DateOnly(2026, 12, 31)), Shop.Coupon("C-OLD", "t-mj", to: new DateOnly(2026, 11, 29))]);

    [Fact]
    public void A_full_return_refunds_everything_paid_and_claws_back_everything_earned()
    {
        var result = ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 3), new ReturnLine("2", 1)], Today);

        Assert.True(result.IsSuccess);
        Assert.Equal((6_000L, 2_000L, 4_000L), (result.Refund, result.StoredValueRefund, result.OtherTendersRefund));
        Assert.Equal((60L, 100L), (result.PointsClawback, result.PointsGiveBack));
        Assert.True(result.IsFullReturn);
        Assert.Equal(["C-MJ"], result.CouponsRestored.ToArray());
    }

    [Fact]
    public void A_partial_return_is_proportional_and_rounds_in_the_shops_favour_until_the_last_unit()
    {
        var first = ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 1)], Today);
        var second = ReturnCalculator.Calculate(Receipt, new Dictionary<string, int> { ["1"] = 1 }, [new ReturnLine("1", 1)], Today);
        var third = ReturnCalculator.Calculate(Receipt, new Dictionary<string, int> { ["1"] = 2 }, [new ReturnLine("1", 1)], Today);

        Assert.Equal([333L, 333L, 334L], new[] { first.Refund, second.Refund, third.Refund });
        Assert.Equal([3L, 3L, 4L], new[] { first.PointsClawback, second.PointsClawback, third.PointsClawback });
        Assert.False(third.IsFullReturn);
        Assert.Empty(third.CouponsRestored);
    }

    [Fact]
    public void Returning_more_than_was_bought_is_refused()
    {
        Assert.Equal(ReturnResult.ExceedsPurchase, ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 4)], Today).ErrorCode);
        Assert.Equal(ReturnResult.ExceedsPurchase, ReturnCalculator.Calculate(Receipt, new Dictionary<string, int> { ["2"] = 1 }, [new ReturnLine("2", 1)], Today).ErrorCode);
        Assert.Equal(ReturnResult.ExceedsPurchase, ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("9", 1)], Today).ErrorCode);
        Assert.Equal(ReturnResult.ExceedsPurchase, ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 2), new ReturnLine("1", 2)], Today).ErrorCode);
        Assert.Equal(ReturnResult.InvalidRequest, ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 0)], Today).ErrorCode);
        Assert.Equal(ReturnResult.InvalidRequest, ReturnCalculator.Calculate(Receipt, null, [], Today).ErrorCode);
    }

    [Fact]
    public void Coupons_stay_used_when_the_policy_says_so()
    {
        var result = ReturnCalculator.Calculate(Receipt, null, [new ReturnLine("1", 3), new ReturnLine("2", 1)], Today, new CouponPolicy(true, false));

        Assert.Empty(result.CouponsRestored);
    }

    [Fact]
    public void A_receipt_made_from_a_priced_basket_returns_exactly_what_it_cost()
    {
        var engine = Shop.Engine();
        var priced = engine.Price(Shop.Request([Shop.Line("1", Shop.Milk, 3), Shop.Weighed("2", Shop.Apple, 750)], Shop.Member("gold", 10_000), redeemPoints: 1_000));
        var receipt = PurchaseReceipt.From(priced, storedValueUsed: 500, coupons: []);

        var result = ReturnCalculator.Calculate(receipt, null, [new ReturnLine("1", 3), new ReturnLine("2", 1)], Today);

        Assert.Equal(priced.Total, result.Refund);
        Assert.Equal(priced.PointsToEarn, result.PointsClawback);
        Assert.Equal(priced.PointsRedeemed, result.PointsGiveBack);
        Assert.Equal(500, result.StoredValueRefund);
    }
}

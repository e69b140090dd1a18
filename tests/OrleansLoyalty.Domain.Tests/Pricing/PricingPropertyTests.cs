using FsCheck.Xunit;

namespace OrleansLoyalty.Domain.Tests;

public class PricingPropertyTests
{
    [Property(MaxTest = 500)]
    public void Every_basket_balances_to_the_fen_with_no_negative_line(int seed)
    {
        var baskets = new RandomBaskets(seed);
        var engine = baskets.Engine();
        var request = baskets.Request();

        var result = engine.Price(request);

        Invariants.Hold(result);
        Assert.Equal(request.Lines.Length, result.Lines.Length);
        Assert.True(result.PointsValue >= 0 && result.DiscountTotal >= 0);
        Assert.True(result.PointsRedeemed <= Math.Max(request.Member?.PointsBalance ?? 0, 0));
        Assert.True(result.PointsValue * 2 <= result.Subtotal - result.DiscountTotal, "points cover at most half of the total after discounts");
        Assert.True(result.PointsToEarn >= 0);
        Assert.All(result.CampaignUsages, usage => Assert.True(usage.Amount > 0));
    }

    [Property(MaxTest = 200)]
    public void Pricing_the_same_request_twice_gives_the_same_result(int seed)
    {
        var baskets = new RandomBaskets(seed);
        var engine = baskets.Engine();
        var request = baskets.Request();

        Assert.Equal(Json.Of(engine.Price(request)), Json.Of(engine.Price(request)));
    }

    [Property(MaxTest = 300)]
    public void A_full_return_refunds_exactly_what_was_paid_and_partial_returns_add_up_to_it(int seed)
    {
        var baskets = new RandomBaskets(seed);
        var priced = baskets.Engine().Price(baskets.Request());
        var random = new Random(seed);
        var storedValue = priced.Total == 0 ? 0 : random.NextInt64(0, priced.Total + 1);
        var receipt = PurchaseReceipt.From(priced, storedValue, []);
        if (receipt.Lines.IsEmpty)
        {
            return;
        }

        var full = ReturnCalculator.Calculate(receipt, null, [.. receipt.Lines.Select(line => new ReturnLine(line.LineId, line.Qty))], DateOnly.FromDateTime(Shop.Tuesday.Date));
        Assert.Equal((priced.Total, priced.PointsToEarn, priced.PointsRedeemed, storedValue),
            (full.Refund, full.PointsClawback, full.PointsGiveBack, full.StoredValueRefund));

        // The same units brought back one at a time, in a random order.
        var units = receipt.Lines.SelectMany(line => Enumerable.Repeat(line.LineId, line.Qty)).OrderBy(_ => random.Next()).ToList();
        var returned = new Dictionary<string, int>();
        long refund = 0, clawback = 0, giveBack = 0, storedValueRefund = 0;
        foreach (var lineId in units)
        {
            var part = ReturnCalculator.Calculate(receipt, returned, [new ReturnLine(lineId, 1)], DateOnly.FromDateTime(Shop.Tuesday.Date));
            Assert.True(part.IsSuccess);
            Assert.True(part.Refund >= 0 && part.StoredValueRefund >= 0 && part.OtherTendersRefund >= 0);
            refund += part.Refund;
            clawback += part.PointsClawback;
            giveBack += part.PointsGiveBack;
            storedValueRefund += part.StoredValueRefund;
            Assert.True(refund <= priced.Total);
            returned[lineId] = returned.GetValueOrDefault(lineId) + 1;
        }
        Assert.Equal((full.Refund, full.PointsClawback, full.PointsGiveBack, full.StoredValueRefund), (refund, clawback, giveBack, storedValueRefund));
        Assert.Equal(ReturnResult.ExceedsPurchase,
            ReturnCalculator.Calculate(receipt, returned, [new ReturnLine(units[0], 1)], DateOnly.FromDateTime(Shop.Tuesday.Date)).ErrorCode);
    }

    [Property(MaxTest = 300)]
    public void Proportional_allocation_sums_exactly_and_never_exceeds_a_weight(int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, random.Next(1, 25)).Select(_ => random.Next(3) == 0 ? 0L : random.NextInt64(0, 1_000_000)).ToArray();
        var total = weights.Sum();
        if (total == 0)
        {
            return;
        }
        var amount = random.NextInt64(0, total + 1);

        var shares = Money.ProportionalAllocator.Allocate(amount, weights);

        Assert.Equal(amount, shares.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            Assert.InRange(shares[i], 0, weights[i]);
        }
    }
}

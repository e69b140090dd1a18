using System.Collections.Concurrent;
using System.Text;

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// Pins what every generated basket prices to, to the fen: about four thousand baskets over seven shops (see
/// <see cref="GoldenWorlds"/>) against results the engine gave before it was optimised. A change that moves one
/// fen, one point, one label or the order of a list fails here with the basket that changed.
/// </summary>
public class PricingGoldenTests
{
    [Fact]
    public void Every_generated_basket_prices_exactly_as_the_golden_file_says()
    {
        var actual = GoldenResults.PriceAll().Select(p => (p.Key, Canonical: GoldenResults.Canonical(p.Result), p.Request)).ToList();
        if (Environment.GetEnvironmentVariable(GoldenResults.UpdateVariable) == "1")
        {
            var path = GoldenResults.Write(actual.Select(a => (a.Key, a.Canonical)));
            Assert.Fail($"golden file rewritten at {path}: review and commit it, then run again without {GoldenResults.UpdateVariable}");
        }

        var golden = GoldenResults.Load();

        Assert.Equal(golden.Count, actual.Count);
        var report = new StringBuilder();
        var mismatches = 0;
        foreach (var (key, canonical, request) in actual)
        {
            Assert.True(golden.TryGetValue(key, out var expected), $"{key} is not in the golden file");
            if (expected.Hash == GoldenResults.Hash(canonical))
            {
                continue;
            }
            if (++mismatches <= 3)
            {
                report.AppendLine($"{key}\n  request:  {GoldenResults.Canonical(request)}\n  expected: {expected.Result ?? "(only the hash is kept for this basket)"}\n  actual:   {canonical}");
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} of {actual.Count} baskets price differently; the first ones:\n{report}");
    }

    [Fact]
    public void Concurrent_quotes_on_one_engine_price_like_sequential_ones()
    {
        var sequential = GoldenResults.PriceAll().Take(2_000).ToList();
        var concurrent = new ConcurrentDictionary<string, string>();

        Parallel.ForEach(sequential, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            basket => concurrent[basket.Key] = GoldenResults.Canonical(basket.World.Engine.Price(basket.Request)));

        Assert.All(sequential, basket => Assert.Equal(GoldenResults.Canonical(basket.Result), concurrent[basket.Key]));
    }

    /// <summary>A golden file that never reaches a rule cannot catch a change to it.</summary>
    [Fact]
    public void The_golden_baskets_reach_every_rule_and_outcome()
    {
        var priced = GoldenResults.PriceAll().ToList();
        var results = priced.Select(p => p.Result).ToList();
        var succeeded = results.Where(r => r.IsSuccess).ToList();
        var discounts = succeeded.SelectMany(r => r.Discounts).ToList();
        var messages = succeeded.SelectMany(r => r.Messages).ToList();

        Assert.Contains(results, r => r.Error?.Code == PricingError.InvalidRequest);
        Assert.Contains(results, r => r.Error?.Code == PricingError.UnknownItem);
        Assert.True(succeeded.Count > results.Count * 9 / 10);
        Assert.Contains(discounts, d => d.RuleId.StartsWith("tier:", StringComparison.Ordinal));
        Assert.Contains(discounts, d => d.RuleId == "memberDay");
        Assert.Contains(discounts, d => d.RuleId == "points");
        Assert.Contains(discounts, d => d.RuleId.StartsWith("coupon:", StringComparison.Ordinal) && d.Label.EndsWith('券'));
        Assert.Contains(discounts, d => d.RuleId.StartsWith("coupon:", StringComparison.Ordinal) && !d.Label.EndsWith('券'));
        Assert.All(Enum.GetValues<CampaignKind>(), kind => Assert.Contains(succeeded, r => r.CampaignUsages.Any(u => u.Kind == kind)));
        Assert.All(
            [CouponRejections.Expired, CouponRejections.NotYetValid, CouponRejections.ThresholdNotMet, CouponRejections.NotApplicable,
             CouponRejections.KindAlreadyUsed, CouponRejections.Unknown, CouponRejections.AlreadyRedeemed],
            reason => Assert.Contains(succeeded, r => r.RejectedCoupons.Any(c => c.Reason == reason)));
        Assert.Contains(succeeded, r => r.CouponsApplied.Length >= 3);
        Assert.Contains(messages, m => m.StartsWith("再买", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("本单最多可用", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == "本单不能使用积分抵扣");
        Assert.Contains(messages, m => m == "匿名顾客不能使用积分");
        Assert.Contains(succeeded, r => r.IsBirthday && r.PointsToEarn > 0);
        Assert.Contains(succeeded, r => r.IsMemberDay);
        Assert.Contains(succeeded, r => r.TierId is null && r.Discounts.Any(d => d.RuleId.StartsWith("campaign:", StringComparison.Ordinal)));
        Assert.Contains(succeeded, r => r.Lines.Any(l => l.WeightGrams is not null && l.Discount > 0));
        Assert.Contains(succeeded, r => r.Lines.Length > 20);
        // A lane's own category that no product is on, reached by a campaign on one of its prefixes.
        Assert.Contains(succeeded, r => r.Discounts.Any(d => d.RuleId.StartsWith("campaign:", StringComparison.Ordinal)
            && r.Lines.Any(l => d.LineIds.Contains(l.LineId) && GoldenWorld.NovelPaths.Any(p => p.SequenceEqual(l.CategoryPath)))));
        Assert.Contains(succeeded, r => r.Lines.Any(l => l.Sku == "NOCAT") && r.Lines.Any(l => l.Sku == "EMPTYCAT"));
        // Budgets bite: some campaign gives exactly what the request says it has left.
        Assert.Contains(priced, p => p.Request.RemainingCampaignBudgets is { } budgets
            && p.Result.CampaignUsages.Any(u => budgets.TryGetValue(u.CampaignId, out var left) && left == u.Amount));
        Assert.Contains(priced.Select(p => p.World).Distinct(), world => !world.Engine.RejectedCampaignIds.IsEmpty);
    }
}

using FsCheck.Xunit;

namespace OrleansLoyalty.Domain.Tests;

public class RfmAnalyserTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static PurchaseHistory Buyer(string id, int recencyDays, int sales, long spend, int firstSaleDaysAgo = 300) =>
        new(id, AsOf.AddDays(-400), sales, spend, AsOf.AddDays(-firstSaleDaysAgo), AsOf.AddDays(-recencyDays));

    [Fact]
    public void Recent_frequent_big_spenders_are_champions_and_the_long_gone_big_spenders_are_at_risk()
    {
        var histories = new List<PurchaseHistory>();
        for (var i = 0; i < 10; i++)
        {
            // Ten members spread evenly: member 0 shopped yesterday, often, for most; member 9 long ago, rarely, for least.
            histories.Add(Buyer($"M{i}", recencyDays: 1 + i * 30, sales: 50 - i * 5, spend: 1_000_000 - i * 100_000));
        }
        histories.Add(Buyer("BIG-BUT-GONE", recencyDays: 300, sales: 60, spend: 2_000_000));

        var result = RfmAnalyser.Analyse(histories, AsOf).ToDictionary(a => a.MemberId);

        Assert.Equal(Segment.Champions, result["M0"].Segment);
        Assert.Equal(new RfmScore(5, 5, 5), result["M0"].Scores);
        Assert.Equal(new RfmScore(1, 1, 1), result["M9"].Scores);
        Assert.Equal(Segment.Hibernating, result["M9"].Segment);
        Assert.Equal(Segment.AtRisk, result["BIG-BUT-GONE"].Segment);
        Assert.Equal(ChurnRisk.High, result["BIG-BUT-GONE"].ChurnRisk);
    }

    [Fact]
    public void A_first_sale_this_month_makes_a_new_customer_whatever_the_scores()
    {
        var result = RfmAnalyser.Analyse([Buyer("N", recencyDays: 2, sales: 2, spend: 9_000, firstSaleDaysAgo: 10), Buyer("OLD", 2, 2, 9_000)], AsOf);

        Assert.Equal(Segment.New, result[0].Segment);
        Assert.NotEqual(Segment.New, result[1].Segment);
    }

    [Fact]
    public void Members_without_a_sale_are_prospects_for_ninety_days_and_lost_after()
    {
        var fresh = new PurchaseHistory("FRESH", AsOf.AddDays(-89), 0, 0, null, null);
        var old = new PurchaseHistory("OLD", AsOf.AddDays(-90), 0, 0, null, null);

        var result = RfmAnalyser.Analyse([fresh, old], AsOf);

        Assert.Equal((Segment.Prospect, ChurnRisk.Medium), (result[0].Segment, result[0].ChurnRisk));
        Assert.Equal((Segment.Lost, ChurnRisk.High), (result[1].Segment, result[1].ChurnRisk));
        Assert.Null(result[0].Scores);
    }

    [Theory]
    [InlineData(1, 1, 1, Segment.Hibernating)]
    [InlineData(5, 5, 5, Segment.Champions)]
    [InlineData(4, 4, 3, Segment.Loyal)]
    [InlineData(3, 5, 5, Segment.Loyal)]
    [InlineData(5, 1, 2, Segment.Promising)]
    [InlineData(3, 2, 3, Segment.NeedsAttention)]
    [InlineData(2, 5, 5, Segment.AtRisk)]
    [InlineData(1, 3, 2, Segment.Hibernating)]
    public void The_segment_table_reads_first_match_wins(int r, int f, int m, string segment)
    {
        Assert.Equal(segment, RfmAnalyser.SegmentOf(new RfmScore(r, f, m)));
    }

    [Fact]
    public void A_weekly_shopper_three_weeks_away_is_a_high_risk_and_a_monthly_one_is_not()
    {
        // Weekly: 20 sales over 133 days, last 21 days ago (3 × the interval). Monthly: 5 over 120 days, last 21 days ago.
        var weekly = Buyer("W", recencyDays: 21, sales: 20, spend: 100_000, firstSaleDaysAgo: 154);
        var monthly = Buyer("M", recencyDays: 21, sales: 5, spend: 100_000, firstSaleDaysAgo: 141);

        var result = RfmAnalyser.Analyse([weekly, monthly], AsOf);

        Assert.Equal((7, ChurnRisk.High), (result[0].UsualIntervalDays, result[0].ChurnRisk));
        Assert.Equal((30, ChurnRisk.Low), (result[1].UsualIntervalDays, result[1].ChurnRisk));
    }

    [Theory]
    [InlineData(29, ChurnRisk.Low)]
    [InlineData(30, ChurnRisk.Medium)]
    [InlineData(59, ChurnRisk.Medium)]
    [InlineData(60, ChurnRisk.High)]
    public void A_one_time_buyer_becomes_a_risk_with_the_we_miss_you_reminder(int recencyDays, string risk)
    {
        Assert.Equal(risk, ChurnRisk.OfBuyer(recencyDays, usualIntervalDays: null));
    }

    [Property(MaxTest = 200)]
    public void Every_member_gets_one_known_segment_and_scores_only_with_a_sale(int seed)
    {
        var random = new Random(seed);
        var histories = Enumerable.Range(0, random.Next(0, 60)).Select(i =>
        {
            var sales = random.Next(0, 4) == 0 ? 0 : random.Next(1, 80);
            var last = sales == 0 ? (DateTimeOffset?)null : AsOf.AddDays(-random.Next(0, 365));
            var first = last?.AddDays(-random.Next(0, 200));
            return new PurchaseHistory($"M{i}", AsOf.AddDays(-random.Next(0, 800)), sales, sales * (long)random.Next(100, 50_000), first, last);
        }).ToList();

        var result = RfmAnalyser.Analyse(histories, AsOf);

        Assert.Equal(histories.Select(h => h.MemberId), result.Select(r => r.MemberId));
        Assert.All(result, a =>
        {
            Assert.True(Segment.IsKnown(a.Segment));
            Assert.Contains(a.ChurnRisk, new[] { ChurnRisk.Low, ChurnRisk.Medium, ChurnRisk.High });
            Assert.Equal(a.Sales > 0, a.Scores is not null);
        });
    }
}

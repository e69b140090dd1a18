namespace OrleansLoyalty.Domain;

/// <summary>
/// Scores every member of one run against the run's buyers and names their segment and churn risk
/// (docs/reports.md, "Purchase analysis"). Pure: the same histories and day give the same answer.
/// </summary>
public static class RfmAnalyser
{
    /// <summary>A first sale this recent, with at most <see cref="NewMemberMostSales"/> sales, is a new customer.</summary>
    public const int NewMemberDays = 30;
    public const int NewMemberMostSales = 2;

    /// <summary>A member without a sale who registered this recently is a prospect, not lost.</summary>
    public const int ProspectDays = 90;

    public static IReadOnlyList<MemberAnalysis> Analyse(IReadOnlyList<PurchaseHistory> histories, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var buyers = histories.Where(h => h.HasBought).ToList();
        // Recency is scored on minus the days, so that "higher is better" holds for all three.
        var recency = new QuintileScorer(buyers.Select(h => -(long)DaysBetween(h.LastSaleAt!.Value, asOf)));
        var frequency = new QuintileScorer(buyers.Select(h => (long)h.Sales));
        var monetary = new QuintileScorer(buyers.Select(h => h.Spend));
        return [.. histories.Select(h => h.HasBought ? Buyer(h, asOf, recency, frequency, monetary) : NonBuyer(h, asOf))];
    }

    private static MemberAnalysis Buyer(PurchaseHistory h, DateTimeOffset asOf, QuintileScorer recency, QuintileScorer frequency, QuintileScorer monetary)
    {
        var recencyDays = DaysBetween(h.LastSaleAt!.Value, asOf);
        var scores = new RfmScore(recency.Score(-(long)recencyDays), frequency.Score(h.Sales), monetary.Score(h.Spend));
        var usual = ChurnRisk.UsualIntervalDays(h);
        var isNew = h.FirstSaleAt is { } first && DaysBetween(first, asOf) < NewMemberDays && h.Sales <= NewMemberMostSales;
        return new MemberAnalysis(h.MemberId, isNew ? Segment.New : SegmentOf(scores), scores, recencyDays, h.Sales, h.Spend, usual,
            ChurnRisk.OfBuyer(recencyDays, usual));
    }

    private static MemberAnalysis NonBuyer(PurchaseHistory h, DateTimeOffset asOf)
    {
        var prospect = DaysBetween(h.RegisteredAt, asOf) < ProspectDays;
        return new MemberAnalysis(h.MemberId, prospect ? Segment.Prospect : Segment.Lost, null, null, 0, h.Spend, null,
            prospect ? ChurnRisk.Medium : ChurnRisk.High);
    }

    /// <summary>The segment table of docs/reports.md: first match wins.</summary>
    public static string SegmentOf(RfmScore s) => s switch
    {
        { R: >= 4 } when s.FM >= 4 => Segment.Champions,
        { R: >= 3 } when s.FM >= 3 => Segment.Loyal,
        { R: >= 4 } => Segment.Promising,
        { R: 3 } => Segment.NeedsAttention,
        _ when s.FM >= 3 => Segment.AtRisk,
        _ => Segment.Hibernating,
    };

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>, never negative (a sale stamped after the run's instant counts as today).</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => (int)Math.Max(0, (to - from).Ticks / TimeSpan.TicksPerDay);
}

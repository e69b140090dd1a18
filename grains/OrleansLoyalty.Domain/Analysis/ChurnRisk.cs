namespace OrleansLoyalty.Domain;

/// <summary>How likely a member is to have stopped shopping, against their own rhythm (docs/reports.md).</summary>
public static class ChurnRisk
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    /// <summary>A usual interval shorter than a week would call a weekly shopper's ordinary week a risk.</summary>
    public const int ShortestUsualIntervalDays = 7;

    /// <summary>A one-time buyer is "medium" from this day on: when the "we miss you" reminder goes (docs/notices.md).</summary>
    public const int OneSaleMediumAfterDays = 30;
    public const int OneSaleHighAfterDays = 60;

    /// <summary>The member's usual days between sales; null with fewer than two sales.</summary>
    public static int? UsualIntervalDays(PurchaseHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Sales < 2 || history.FirstSaleAt is not { } first || history.LastSaleAt is not { } last)
        {
            return null;
        }
        var days = (int)((last - first).Ticks / (TimeSpan.TicksPerDay * (history.Sales - 1)));
        return Math.Max(days, ShortestUsualIntervalDays);
    }

    /// <summary>The risk of a buyer <paramref name="recencyDays"/> after their last sale.</summary>
    public static string OfBuyer(int recencyDays, int? usualIntervalDays)
    {
        if (usualIntervalDays is not { } usual)
        {
            return recencyDays < OneSaleMediumAfterDays ? Low : recencyDays < OneSaleHighAfterDays ? Medium : High;
        }
        // Compared in halves of the interval, so no fraction is needed: under 1.5× is low, under 3× medium.
        var halves = 2L * recencyDays;
        return halves < 3L * usual ? Low : halves < 6L * usual ? Medium : High;
    }
}

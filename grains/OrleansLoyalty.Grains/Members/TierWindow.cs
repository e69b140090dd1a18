namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// Spend and visits over the last 12 months, kept per store-local calendar month: the current month and
/// the 11 before it count. Month granularity keeps the state to 13 small rows per member.
/// </summary>
internal static class TierWindow
{
    private const int Months = 12;

    public static void Record(MemberState s, DateOnly localDate, long spend, int visits)
    {
        var month = MonthKey(localDate);
        var index = s.Activity.FindIndex(a => a.Month == month);
        if (index >= 0)
        {
            var a = s.Activity[index];
            s.Activity[index] = a with { Spend = Math.Max(0, a.Spend + spend), Visits = Math.Max(0, a.Visits + visits) };
        }
        else
        {
            s.Activity.Add(new MonthlyActivity(month, Math.Max(0, spend), Math.Max(0, visits)));
        }
        var oldest = MonthKey(localDate.AddMonths(-Months));
        s.Activity.RemoveAll(a => string.CompareOrdinal(a.Month, oldest) <= 0);
    }

    public static (long Spend, int Visits) Totals(MemberState s, DateOnly today)
    {
        var oldest = MonthKey(today.AddMonths(-Months));
        long spend = 0;
        var visits = 0;
        foreach (var a in s.Activity)
        {
            if (string.CompareOrdinal(a.Month, oldest) > 0)
            {
                spend += a.Spend;
                visits += a.Visits;
            }
        }
        return (spend, visits);
    }

    private static string MonthKey(DateOnly date) => $"{date.Year:D4}-{date.Month:D2}";
}

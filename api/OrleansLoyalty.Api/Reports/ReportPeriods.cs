using System.Globalization;

namespace OrleansLoyalty.Api.Reports;

/// <summary>How a report's range is cut: store-local days, ISO weeks (named by their Monday) or calendar months.</summary>
public static class ReportPeriods
{
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";

    public static readonly string[] All = [Day, Week, Month];

    /// <summary>The period a store-local day falls in.</summary>
    public static string Of(DateOnly day, string by) => by switch
    {
        Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Every period from <paramref name="from"/> to <paramref name="to"/>, in order: a chart's axis without holes.</summary>
    public static IReadOnlyList<string> Between(DateOnly from, DateOnly to, string by)
    {
        var periods = new List<string>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var period = Of(day, by);
            if (periods.Count == 0 || periods[^1] != period)
            {
                periods.Add(period);
            }
        }
        return periods;
    }
}

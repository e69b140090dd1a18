using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>When the nightly purchase analysis runs (docs/reports.md). Bound from the "Analysis" section.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Off in tests that run the analysis themselves; a silo in production keeps it on.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>The nightly run's time in the chain's time zone (<c>Chain:TimeZone</c>): after the stores close, before the first reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan RunAt { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A silo starting with the last run older than this runs one at once (a missed night is caught up).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan CatchUpWhenOlderThan { get; set; } = TimeSpan.FromHours(25);
}

namespace OrleansLoyalty.Domain;

/// <summary>
/// When a campaign runs, always in the STORE's local calendar: dates <see cref="From"/>..<see cref="To"/>
/// inclusive, on <see cref="Weekdays"/> (empty = every day), and optionally only between
/// <see cref="DailyStart"/> (inclusive) and <see cref="DailyEnd"/> (exclusive) each day.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.CampaignSchedule")]
public sealed record CampaignSchedule(
    [Id(0)] DateOnly? From,
    [Id(1)] DateOnly? To,
    [Id(2)] ImmutableArray<DayOfWeek> Weekdays,
    [Id(3)] TimeOnly? DailyStart = null,
    [Id(4)] TimeOnly? DailyEnd = null)
{
    public static CampaignSchedule Always { get; } = new(null, null, []);

    public bool IsRunningAt(DateTimeOffset storeLocalTime) =>
        IsRunningAt(DateOnly.FromDateTime(storeLocalTime.DateTime), TimeOnly.FromDateTime(storeLocalTime.DateTime));

    /// <summary>The same, for a store-local date and time already taken apart (a quote does it once, not per campaign).</summary>
    public bool IsRunningAt(DateOnly date, TimeOnly time)
    {
        if (From is { } from && date < from)
        {
            return false;
        }
        if (To is { } to && date > to)
        {
            return false;
        }
        if (!Weekdays.IsDefaultOrEmpty && !Weekdays.Contains(date.DayOfWeek))
        {
            return false;
        }
        if (DailyStart is { } start && time < start)
        {
            return false;
        }
        return DailyEnd is not { } end || time < end;
    }
}

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>When a reminder may be delivered: at once, or at the end of the chain-local quiet hours it falls in.</summary>
public static class QuietHours
{
    public static DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone, TimeOnly from, TimeOnly until)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var overnight = from > until;
        var quiet = overnight ? time >= from || time < until : time >= from && time < until;
        if (!quiet)
        {
            return now;
        }
        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = overnight && time >= from ? day.AddDays(1) : day;
        var end = endDay.ToDateTime(until);
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }
}

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Local business days and minutes in a store's time zone.</summary>
internal static class LocalDay
{
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant the local day of <paramref name="instant"/> began.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var midnight = DateOf(instant, zone).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>Minutes since the Unix epoch: the key of a minute bucket, the same in every zone.</summary>
    public static long MinuteIndex(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 60;

    public static DateTimeOffset MinuteStart(long minuteIndex, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(minuteIndex * 60), zone);
}

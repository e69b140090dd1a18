using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Programme;

/// <summary>Chain-wide settings. Bound from the "Chain" section.</summary>
public sealed class ChainOptions
{
    public const string SectionName = "Chain";

    /// <summary>IANA time zone for dates not tied to a store (registration, a member's own requests).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}

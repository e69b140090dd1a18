using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Programme;

/// <summary>Chain-wide settings. Bound from the "Chain" section.</summary>
public sealed class ChainOptions
{
    public const string SectionName = "Chain";

    /// <summary>IANA time zone for dates not tied to a store (registration, a member's own requests).</summary>
    [Required]
    public string TimeZone
    {
        get => _timeZone;
        set
        {
            _timeZone = value;
            _zone = null;
        }
    }

    /// <summary>Looked up once: the runtime's look-up takes a lock, and this sits on every quote.</summary>
    public TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private string _timeZone = "Asia/Shanghai";
    private TimeZoneInfo? _zone;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}

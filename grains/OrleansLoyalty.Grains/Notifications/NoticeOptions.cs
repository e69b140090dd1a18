using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>Reminders members get by their chosen channel (docs/notices.md). Bound from the "Notices" section.</summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>Reminders are not delivered from this chain-local time …</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    /// <summary>… until this one (the window may cross midnight); a reminder made meanwhile waits.</summary>
    public TimeOnly QuietUntil { get; set; } = new(9, 0);

    /// <summary>Reminders one member gets in any 7 days, at most; the more urgent ones go first.</summary>
    [Range(1, 14)]
    public int MaxPerWeek { get; set; } = 2;

    /// <summary>A member who has not shopped for this many days is told their points still wait (with marketing consent).</summary>
    [Range(14, 366)]
    public int InactiveAfterDays { get; set; } = 60;

    /// <summary>A sale that takes the member's stored value (all cards) below this many fen reminds them to top up; 0: never.</summary>
    [Range(0, 10_000_000)]
    public long LowBalance { get; set; } = 2_000;

    /// <summary>A reminder not delivered within this time after its quiet hours is dropped: it would arrive out of date.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(2);
}

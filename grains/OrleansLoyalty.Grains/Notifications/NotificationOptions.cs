using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The notification outbox's delivery. Bound from the "Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// When set, messages are delivered as JSON lines into files in this folder (<c>sms.jsonl</c>): the local run and
    /// the tests read sign-in codes there. A production silo sets a provider's sender instead.
    /// </summary>
    public string? DropFolder { get; set; }

    /// <summary>How often each silo looks for messages due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Hand-overs that may fail before a message is given up (<c>failed</c>).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long the record of a finished message (sent, expired, given up) is kept, for support questions.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "366.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Messages one silo takes per transaction.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}

namespace OrleansLoyalty.Grains.Administration;

/// <summary>How a silo keeps its copy of the rules current. Bound from the "Rules" section.</summary>
public sealed class RulesReplicationOptions
{
    public const string SectionName = "Rules";
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The safety net behind the NOTIFY nudge: how often a silo asks PostgreSQL for the latest version.
    /// A missed notification is therefore seen within this interval (the one-second promise).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

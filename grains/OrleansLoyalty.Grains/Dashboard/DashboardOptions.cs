namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>How the dashboard grains fold and publish figures (configuration section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>IANA zone that decides "today" for stores without their own entry, and for the chain. Default Asia/Shanghai.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Store id → IANA zone, for stores outside the default zone.</summary>
    public Dictionary<string, string> StoreTimeZones { get; set; } = [];

    /// <summary>
    /// Least time between two updates a dashboard grain publishes (default 50 ms). Browsers are paced by the hub
    /// (<c>Dashboard:Hub:UpdateInterval</c>); this pace only has to keep the cluster-internal stream light, and every
    /// millisecond of it adds to the time from a sale to the figure on screen.
    /// </summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many activity items a dashboard keeps (default 20).</summary>
    public int ActivityLength { get; set; } = 20;

    /// <summary>How many categories the top-categories list shows (default 8).</summary>
    public int TopCategories { get; set; } = 8;

    /// <summary>
    /// After a rebuild nobody knows which lanes are up: a lane that sold within this window counts as
    /// online until it reports otherwise (default 10 minutes).
    /// </summary>
    public TimeSpan LaneOnlineWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a store gateway may go without a heartbeat (it probes every second) before its lanes show offline
    /// (default 10 s).
    /// </summary>
    public TimeSpan GatewaySilence { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle dashboard grain checks for a new business day and retries a failed rebuild (default 30 s).</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromSeconds(30);
}

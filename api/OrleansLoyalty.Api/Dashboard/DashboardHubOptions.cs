namespace OrleansLoyalty.Api.Dashboard;

/// <summary>How the hub paces updates to browsers (configuration section "Dashboard:Hub").</summary>
public sealed class DashboardHubOptions
{
    public const string SectionName = "Dashboard:Hub";

    /// <summary>Least time between two updates to one scope's group (default 200 ms: at most 5 a second).</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Activity items kept in the snapshot a newcomer gets (default 20).</summary>
    public int ActivityLength { get; set; } = 20;
}

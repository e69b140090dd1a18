namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Where the dashboards read history from; bound from <c>Database:ConnectionString</c>.</summary>
public sealed class DashboardHistoryOptions
{
    public string? ConnectionString { get; set; }
}

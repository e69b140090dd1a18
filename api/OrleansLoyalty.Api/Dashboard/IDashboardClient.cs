using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>What the dashboard hub sends to a browser: one snapshot per join, then updates.</summary>
public interface IDashboardClient
{
    Task Snapshot(DashboardSnapshot s);

    Task Update(DashboardUpdate u);
}

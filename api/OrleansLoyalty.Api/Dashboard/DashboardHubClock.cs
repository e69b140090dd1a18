namespace OrleansLoyalty.Api.Dashboard;

/// <summary>The hub paces updates by a keyed <see cref="TimeProvider"/>, so tests can move it without moving ASP.NET Core's clock.</summary>
public static class DashboardHubClock
{
    public const string ServiceKey = "loyalty-dashboard-hub";
}

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// The dashboards take their clock as a keyed <see cref="TimeProvider"/> so that tests can move
/// "today" without moving the clock Orleans itself runs on.
/// </summary>
public static class DashboardClock
{
    public const string ServiceKey = "loyalty-dashboard";
}

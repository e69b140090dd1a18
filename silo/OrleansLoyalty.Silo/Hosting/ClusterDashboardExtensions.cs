using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>
/// Orleans' dashboard on every silo (each collects its own statistics) and on an external client that serves
/// the pages. The grain-call profiler it installs only records while someone has the dashboard open.
/// </summary>
public static class ClusterDashboardExtensions
{
    public static ISiloBuilder AddLoyaltyClusterDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ClusterDashboardOptions.From(configuration);
        return options.Enabled ? silo.AddDashboard(o => o.CounterUpdateIntervalMs = options.CounterUpdateIntervalMs) : silo;
    }

    public static IClientBuilder AddLoyaltyClusterDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        var options = ClusterDashboardOptions.From(configuration);
        return options.Enabled ? client.AddDashboard(o => o.CounterUpdateIntervalMs = options.CounterUpdateIntervalMs) : client;
    }
}

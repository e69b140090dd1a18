using Microsoft.Extensions.Configuration;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>
/// Orleans' own dashboard (silos, grain activations, calls, reminders). Bound from the "OrleansDashboard" section;
/// read at start because it decides which services a silo or client registers.
/// </summary>
public sealed class ClusterDashboardOptions
{
    public const string SectionName = "OrleansDashboard";

    /// <summary>
    /// Collect silo statistics and serve the dashboard (the api mounts it for admins at /admin/orleans/). Off unless
    /// configured: listening to Orleans' per-call instruments cost a fifth of a silo's commit throughput when measured
    /// (docs/operations.md). The local run (deploy/run.sh) turns it on.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How often each silo samples its runtime statistics. Orleans' default is 1 s; 5 s keeps the sampling's CPU
    /// negligible on a busy silo and still draws a useful 100-point history (about 8 minutes).
    /// </summary>
    public int CounterUpdateIntervalMs { get; set; } = 5_000;

    public static ClusterDashboardOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ClusterDashboardOptions>() ?? new ClusterDashboardOptions();
        if (options.CounterUpdateIntervalMs is < 1_000 or > 60_000)
        {
            throw new StartupConfigurationException("OrleansDashboard:CounterUpdateIntervalMs must be between 1000 and 60000.");
        }
        return options;
    }
}

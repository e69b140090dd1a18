using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>The feeds of this process, one per scope ever watched (a few hundred stores at most).</summary>
internal sealed class DashboardFeeds(
    IDashboardSource source,
    IHubContext<DashboardHub, IDashboardClient> hub,
    IOptions<DashboardHubOptions> options,
    [FromKeyedServices(DashboardHubClock.ServiceKey)] TimeProvider time,
    ILogger<DashboardFeed> logger)
{
    private readonly ConcurrentDictionary<DashboardScope, DashboardFeed> _feeds = new();

    public DashboardFeed For(DashboardScope scope) =>
        _feeds.GetOrAdd(scope, s => new DashboardFeed(s, source, hub, options.Value, time, logger));
}

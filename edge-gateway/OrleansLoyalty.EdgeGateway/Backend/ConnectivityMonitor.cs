using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>Probes the cluster every <see cref="GatewayClusterOptions.ProbeInterval"/> and reports what it finds.</summary>
public sealed class ConnectivityMonitor(
    ILaneBackend backend,
    ClusterConnectivity connectivity,
    IOptions<GatewayOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cluster = options.Value.Cluster;
        while (!stoppingToken.IsCancellationRequested)
        {
            var reachable = false;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(cluster.CallTimeout);
                reachable = await backend.IsReachableAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                connectivity.ReportUnreachable(failure.Message);
            }
            if (reachable)
            {
                connectivity.ReportReachable();
            }
            else
            {
                connectivity.ReportUnreachable("probe found no cluster");
            }
            try
            {
                await Task.Delay(cluster.ProbeInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>Keeps the offline catalog copy fresh while the cluster is reachable.</summary>
public sealed class CatalogRefreshService(
    ILaneBackend backend,
    ClusterConnectivity connectivity,
    OfflineCatalogStore store,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<CatalogRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gateway = options.Value;
        await connectivity.FirstProbe.WaitAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = gateway.Cluster.CatalogRefreshInterval;
            if (connectivity.IsReachable)
            {
                try
                {
                    var snapshot = await backend.GetCatalogAsync(gateway.StoreId, stoppingToken).ConfigureAwait(false);
                    if (snapshot.Products.IsDefaultOrEmpty && !store.Current.Snapshot.Products.IsDefaultOrEmpty)
                    {
                        // An empty catalog means the cluster has none loaded for this store (yet): a store
                        // must not lose its offline prices to that.
                        GatewayLog.CatalogRefreshFailed(logger, "the cluster has no products for this store; keeping the offline copy");
                    }
                    else
                    {
                        store.Replace(snapshot);
                        GatewayLog.CatalogRefreshed(logger, snapshot.Products.Length, snapshot.Promotions.Length);
                    }
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    GatewayLog.CatalogRefreshFailed(logger, failure.Message);
                    wait = gateway.Cluster.ProbeInterval * 10;
                }
            }
            else
            {
                wait = gateway.Cluster.ProbeInterval;
            }
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

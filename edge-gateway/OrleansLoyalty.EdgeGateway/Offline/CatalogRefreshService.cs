using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>Keeps the offline copies (catalog and pricing rules) fresh while the cluster is reachable.</summary>
public sealed class CatalogRefreshService(
    ILaneBackend backend,
    ClusterConnectivity connectivity,
    OfflineCatalogStore catalogs,
    OfflineRulesStore rules,
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
                var catalogFresh = await RefreshCatalogAsync(gateway.StoreId, stoppingToken).ConfigureAwait(false);
                var rulesFresh = await RefreshRulesAsync(gateway.StoreId, stoppingToken).ConfigureAwait(false);
                if (!catalogFresh || !rulesFresh)
                {
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

    private async Task<bool> RefreshCatalogAsync(string storeId, CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await backend.GetCatalogAsync(storeId, stoppingToken).ConfigureAwait(false);
            if (snapshot.Products.IsDefaultOrEmpty && !catalogs.Current.Snapshot.Products.IsDefaultOrEmpty)
            {
                // An empty catalog means the cluster has none loaded for this store (yet): a store
                // must not lose its offline prices to that.
                GatewayLog.CatalogRefreshFailed(logger, "the cluster has no products for this store; keeping the offline copy");
            }
            else
            {
                catalogs.Replace(snapshot);
                GatewayLog.CatalogRefreshed(logger, snapshot.Products.Length);
            }
            return true;
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            GatewayLog.CatalogRefreshFailed(logger, failure.Message);
            return false;
        }
    }

    private async Task<bool> RefreshRulesAsync(string storeId, CancellationToken stoppingToken)
    {
        try
        {
            // The rules are the chain's, always complete: what the cluster says replaces the copy.
            var snapshot = await backend.GetRulesAsync(storeId, stoppingToken).ConfigureAwait(false);
            rules.Replace(snapshot);
            GatewayLog.RulesRefreshed(logger, snapshot.Campaigns.Length, snapshot.PublicCouponTemplates.Length, snapshot.TimeZoneId);
            return true;
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            GatewayLog.RulesRefreshFailed(logger, failure.Message);
            return false;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClientMessagingOptions = Orleans.Configuration.ClientMessagingOptions;
using ClusterOptions = Orleans.Configuration.ClusterOptions;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>
/// The cluster through an Orleans client (ADO.NET clustering on PostgreSQL). The client lives in a host
/// of its own that is (re)started in the background, so the gateway serves its lanes offline from the
/// first second, whether or not the cluster is up; until the client has joined, every call is "unavailable".
/// </summary>
public sealed class OrleansLaneBackend(
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<OrleansLaneBackend> logger) : BackgroundService, ILaneBackend
{
    private const string Invariant = "Npgsql";

    private volatile IClusterClient? _client;
    private IHost? _clientHost;

    public async Task<LaneOutcome> ApplyAsync(LaneEvent laneEvent, CancellationToken cancellationToken) =>
        await CallAsync(client => client.GetGrain<ILaneGrain>(LaneKeys.Of(laneEvent.StoreId, laneEvent.LaneId)).Apply(laneEvent), cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The probe is the store's heartbeat: while it comes, the store's dashboard shows its lanes online.
            await CallAsync(async client =>
            {
                await client.GetGrain<IStoreGatewayGrain>(options.Value.StoreId).Heartbeat().ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LaneBackendUnavailableException)
        {
            return false;
        }
    }

    public Task<LaneCatalogSnapshot> GetCatalogAsync(string storeId, CancellationToken cancellationToken) =>
        CallAsync(client => client.GetGrain<ILaneCatalogGrain>(storeId).GetSnapshot(), cancellationToken);

    public Task<LaneRulesSnapshot> GetRulesAsync(string storeId, CancellationToken cancellationToken) =>
        CallAsync(client => client.GetGrain<ILaneRulesGrain>(storeId).GetRules(), cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _client = null;
        if (_clientHost is { } host)
        {
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            host.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && _client is null)
        {
            var host = BuildClientHost();
            try
            {
                await host.StartAsync(stoppingToken).ConfigureAwait(false);
                _clientHost = host;
                _client = host.Services.GetRequiredService<IClusterClient>();
                return;
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                GatewayLog.ClusterUnreachable(logger, $"Orleans client cannot join the cluster yet: {failure.Message}");
                DisposeQuietly(host);
            }
            catch (OperationCanceledException)
            {
                DisposeQuietly(host);
                return;
            }
            try
            {
                await Task.Delay(options.Value.Cluster.ProbeInterval * 5, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A client host that failed to start may fail to dispose too; that must not stop the gateway.</summary>
    private void DisposeQuietly(IHost host)
    {
        try
        {
            host.Dispose();
        }
        catch (Exception failure)
        {
            GatewayLog.ClusterUnreachable(logger, $"discarding a failed Orleans client: {failure.Message}");
        }
    }

    private IHost BuildClientHost()
    {
        var cluster = options.Value.Cluster;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            })
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.CallTimeout)
            .UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cluster.ConnectionString;
            }));
        return builder.Build();
    }

    private async Task<T> CallAsync<T>(Func<IClusterClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new LaneBackendUnavailableException("the Orleans client has not joined the cluster yet");
        try
        {
            return await call(client).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsOutage(failure))
        {
            throw new LaneBackendUnavailableException(failure.Message, failure);
        }
    }

    /// <summary>Failures that say "the cluster is not there", as opposed to a bug in handling one event.</summary>
    private static bool IsOutage(Exception failure) =>
        failure is OrleansException or TimeoutException or ObjectDisposedException or System.Net.Sockets.SocketException
        || failure.InnerException is { } inner && IsOutage(inner);
}

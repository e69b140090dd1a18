using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Lanes;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>
/// Publishes the retained <c>gateway/status</c>: on every (re)connection, whenever the cluster comes
/// or goes, and every <see cref="GatewayOptions.StatusInterval"/>.
/// </summary>
public sealed class GatewayStatusService(
    GatewayMqttConnection connection,
    LanePublisher publisher,
    ClusterConnectivity connectivity,
    EventJournal journal,
    OfflineDebt debt,
    IOptions<GatewayOptions> options,
    TimeProvider time) : BackgroundService
{
    public GatewayStatusMessage Current()
    {
        var reachable = connectivity.IsReachable;
        var status = !reachable ? GatewayStatusMessage.Offline
            : debt.Count > 0 ? GatewayStatusMessage.Degraded
            : GatewayStatusMessage.Online;
        return new GatewayStatusMessage(status, time.GetUtcNow(), reachable, journal.PendingCount);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.Connected += PublishNow;
        connectivity.Changed += OnConnectivityChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.StatusInterval, time, stoppingToken).ConfigureAwait(false);
                if (connection.IsConnected)
                {
                    await PublishNow().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection.Connected -= PublishNow;
            connectivity.Changed -= OnConnectivityChanged;
        }
    }

    private void OnConnectivityChanged(bool reachable) => _ = PublishNow();

    private Task PublishNow() => publisher.PublishStatusAsync(Current(), CancellationToken.None);
}

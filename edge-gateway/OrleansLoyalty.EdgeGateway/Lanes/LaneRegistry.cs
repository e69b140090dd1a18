using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Offline;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Lanes;

/// <summary>
/// The store's lane workers, one per lane, created on the lane's first event (or at start for lanes
/// with journaled work left over). Wakes every lane when the cluster comes back. Registered as the
/// last hosted service so that it stops first: lanes finish while MQTT can still publish, and events
/// arriving meanwhile stay in the journal for the next start.
/// </summary>
public sealed class LaneRegistry : IHostedService
{
    private readonly ConcurrentDictionary<string, LaneWorker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly LaneWorkerContext _context;
    private readonly EventJournal _journal;
    private readonly ClusterConnectivity _connectivity;

    public LaneRegistry(
        ILaneBackend backend,
        ClusterConnectivity connectivity,
        EventJournal journal,
        LanePublisher publisher,
        OfflineCatalogStore catalog,
        OfflinePricing pricing,
        OfflineMemberTiers memberTiers,
        GatewayInstruments instruments,
        OfflineDebt debt,
        IOptions<GatewayOptions> options,
        TimeProvider time,
        ILogger<LaneRegistry> logger)
    {
        _journal = journal;
        _connectivity = connectivity;
        _context = new LaneWorkerContext(backend, connectivity, journal, publisher, catalog, pricing, memberTiers, instruments, options.Value, time, logger, debt);
        instruments.ObserveBuffered(() => journal.PendingCount);
        GatewayLog.Starting(logger, options.Value.StoreId, options.Value.JournalPath, journal.Recovery.PendingCount, journal.Recovery.TornRecordsDropped);
        // Lanes with work left in the journal exist before the first device message can arrive, so that
        // their old events stay ahead of new ones.
        foreach (var (laneId, pending) in journal.Recovery.PendingByLane)
        {
            _workers[laneId] = new LaneWorker(laneId, _context, pending, _stopping.Token);
        }
        _connectivity.Changed += OnConnectivityChanged;
    }

    public int LaneCount => _workers.Count;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Hands a journaled (durable) event to its lane, in journal order.</summary>
    public void Post(JournaledEvent journaled) =>
        _workers.GetOrAdd(journaled.LaneId, laneId => new LaneWorker(laneId, _context, [], _stopping.Token)).Post(journaled);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _connectivity.Changed -= OnConnectivityChanged;
        foreach (var worker in _workers.Values)
        {
            worker.Complete();
        }
        // Lanes finish what they hold unless the host runs out of patience.
        using (cancellationToken.Register(_stopping.Cancel))
        {
            await Task.WhenAll(_workers.Values.Select(worker => worker.Completion)).ConfigureAwait(false);
        }
        await _journal.FlushAsync().ConfigureAwait(false);
    }

    private void OnConnectivityChanged(bool reachable)
    {
        if (!reachable)
        {
            return;
        }
        GatewayLog.ClusterReachable(_context.Logger, _journal.PendingCount);
        foreach (var worker in _workers.Values)
        {
            worker.Resume();
        }
    }
}

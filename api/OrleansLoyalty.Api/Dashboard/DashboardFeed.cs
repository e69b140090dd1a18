using Microsoft.AspNetCore.SignalR;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>
/// One scope's fan-out in this api process: a single subscription to the scope's updates however
/// many browsers watch, the latest figures for newcomers, and at most one group send per interval
/// (the first update after a quiet spell goes at once; a burst becomes one merged update).
/// Everything runs under one gate, so a newcomer's snapshot always precedes the updates it sees.
/// </summary>
internal sealed class DashboardFeed(
    DashboardScope scope,
    IDashboardSource source,
    IHubContext<DashboardHub, IDashboardClient> hub,
    DashboardHubOptions options,
    TimeProvider time,
    ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _connections = [];
    private IAsyncDisposable? _subscription;
    private DashboardSnapshot? _current;
    private DashboardUpdate? _pending;
    private ITimer? _timer;
    private long? _lastSent;
    private int _generation;

    public async Task JoinAsync(string connectionId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null)
            {
                await StartAsync(cancellationToken);
            }
            await hub.Groups.AddToGroupAsync(connectionId, scope.GroupName, cancellationToken);
            _connections.Add(connectionId);
            await hub.Clients.Client(connectionId).Snapshot(_current!);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task LeaveAsync(string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_connections.Remove(connectionId))
            {
                return;
            }
            await hub.Groups.RemoveFromGroupAsync(connectionId, scope.GroupName);
            if (_connections.Count == 0)
            {
                await StopAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var generation = ++_generation;
        // Subscribe before reading the snapshot, so nothing falls between the two; updates the
        // snapshot already holds are recognised by their sequence number and skipped.
        _subscription = await source.SubscribeAsync(scope, update => OnUpdateAsync(update, generation), cancellationToken);
        try
        {
            _current = await source.GetSnapshotAsync(scope, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.Unavailable(scope.GroupName, ex);
            await StopAsync();
            throw new HubException("dashboard.unavailable");
        }
    }

    private async Task StopAsync()
    {
        _generation++;
        _current = null;
        _pending = null;
        _timer?.Dispose();
        _timer = null;
        var subscription = _subscription;
        _subscription = null;
        if (subscription is not null)
        {
            try
            {
                await subscription.DisposeAsync();
            }
            catch (Exception ex)
            {
                logger.UnsubscribeFailed(scope.GroupName, ex);
            }
        }
    }

    private async Task OnUpdateAsync(DashboardUpdate update, int generation)
    {
        await _gate.WaitAsync();
        try
        {
            if (generation != _generation || _current is null || DashboardMerge.IsStale(_current, update))
            {
                return;
            }
            _current = DashboardMerge.Apply(_current, update, options.ActivityLength);
            _pending = _pending is null ? update : DashboardMerge.Merge(_pending, update, options.ActivityLength);
            if (_timer is not null)
            {
                return; // the next slot is booked; this update rides along
            }
            var wait = _lastSent is { } last ? options.UpdateInterval - time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait <= TimeSpan.Zero)
            {
                await SendPendingAsync();
            }
            else
            {
                _timer = time.CreateTimer(_ => _ = OnSlotAsync(generation), null, wait, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OnSlotAsync(int generation)
    {
        await _gate.WaitAsync();
        try
        {
            if (generation != _generation)
            {
                return;
            }
            _timer?.Dispose();
            _timer = null;
            await SendPendingAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendPendingAsync()
    {
        if (_pending is not { } update)
        {
            return;
        }
        _pending = null;
        _lastSent = time.GetTimestamp();
        try
        {
            await hub.Clients.Group(scope.GroupName).Update(update);
        }
        catch (Exception ex)
        {
            logger.SendFailed(scope.GroupName, ex);
        }
    }
}

using System.Threading.Channels;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Input;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Offline;

namespace OrleansLoyalty.EdgeGateway.Lanes;

/// <summary>
/// One lane's ordered processor. Events arrive in journal order and leave in that order: into the
/// cluster while it answers, else into the lane's offline session; once the cluster is back, what was
/// shown offline is replayed into it (before anything newer) and the lane returns to online.
/// </summary>
internal sealed class LaneWorker
{
    private const int MaxSessionHistory = 500;

    private readonly string _laneId;
    private readonly LaneWorkerContext _context;
    private readonly Channel<JournaledEvent?> _inbox = Channel.CreateUnbounded<JournaledEvent?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<LaneBacklogEntry> _backlog = new();
    private readonly OfflineLaneSession _session;

    // Events of the current shopper's session the cluster accepted. If the cluster lost its copy of the
    // session in an outage (a lane grain lives in memory), they are sent again, before the replay, so
    // that the offline sale settles for the right member; a lane grain that still has them ignores them.
    private readonly List<LaneEvent> _sessionHistory = [];
    private long _displaySeq;

    public LaneWorker(string laneId, LaneWorkerContext context, IReadOnlyList<PendingEvent> recovered, CancellationToken stopping)
    {
        _laneId = laneId;
        _context = context;
        _session = new OfflineLaneSession(context.Options.StoreId, laneId, context.Pricing, context.MemberTiers, context.Time);
        _displaySeq = context.Journal.LastDisplaySeq(laneId);
        foreach (var pending in recovered)
        {
            var entry = new LaneBacklogEntry(pending.Journaled);
            if (pending.State == PendingEventState.AppliedOffline)
            {
                // Rebuild the offline basket as the lane saw it; nothing is published again.
                _session.ApplyOffline(pending.Journaled.Event);
                entry.AppliedOffline = true;
                entry.OfflineSaleTotal = pending.OfflineSaleTotal;
                context.Debt.Add();
            }
            _backlog.Enqueue(entry);
        }
        Completion = Task.Run(() => RunAsync(stopping), CancellationToken.None);
    }

    public Task Completion { get; }

    public void Post(JournaledEvent journaled) => _inbox.Writer.TryWrite(journaled);

    /// <summary>The cluster is back: replay what is owed without waiting for the next event.</summary>
    public void Resume() => _inbox.Writer.TryWrite(null);

    public void Complete() => _inbox.Writer.TryComplete();

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await _context.Connectivity.FirstProbe.WaitAsync(stopping).ConfigureAwait(false);
            await ProcessAsync(stopping).ConfigureAwait(false);
            await foreach (var journaled in _inbox.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (journaled is not null)
                {
                    _backlog.Enqueue(new LaneBacklogEntry(journaled));
                }
                await ProcessAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(CancellationToken stopping)
    {
        if (_backlog.Count == 0)
        {
            return;
        }
        if (_context.Connectivity.IsReachable)
        {
            await DrainIntoClusterAsync(stopping).ConfigureAwait(false);
        }
        if (_backlog.Count > 0 && !_context.Connectivity.IsReachable)
        {
            await ApplyOfflineAsync(stopping).ConfigureAwait(false);
        }
    }

    private async Task DrainIntoClusterAsync(CancellationToken stopping)
    {
        (LaneEvent Event, LaneOutcome Outcome)? lastReplay = null;
        var replayed = 0;
        var sessionRestored = false;
        while (_backlog.TryPeek(out var entry))
        {
            if (entry.RefusedOffline)
            {
                _backlog.Dequeue();
                continue;
            }
            if (entry.AppliedOffline && !sessionRestored)
            {
                if (!await RestoreSessionAsync(stopping).ConfigureAwait(false))
                {
                    break;
                }
                sessionRestored = true;
            }
            LaneOutcome outcome;
            try
            {
                outcome = await CallClusterAsync(entry, stopping).ConfigureAwait(false);
            }
            catch (LaneBackendUnavailableException unavailable)
            {
                _context.Connectivity.ReportUnreachable(unavailable.Message);
                break;
            }
            _backlog.Dequeue();
            RememberInSession(entry.Journaled.Event, outcome);
            if (entry.AppliedOffline)
            {
                await SettleReplayAsync(entry, outcome, stopping).ConfigureAwait(false);
                replayed++;
                lastReplay = (entry.Journaled.Event, outcome);
            }
            else
            {
                await FinishReplayAsync(lastReplay, replayed, stopping).ConfigureAwait(false);
                lastReplay = null;
                replayed = 0;
                await PublishOnlineAsync(entry, outcome, stopping).ConfigureAwait(false);
            }
        }
        if (!_backlog.Any(entry => entry.AppliedOffline))
        {
            await FinishReplayAsync(lastReplay, replayed, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the session's earlier accepted events again; false if the cluster went away meanwhile.</summary>
    private async Task<bool> RestoreSessionAsync(CancellationToken stopping)
    {
        if (_sessionHistory.Count == 0)
        {
            return true;
        }
        GatewayLog.RestoringSession(_context.Logger, _laneId, _sessionHistory.Count);
        foreach (var laneEvent in _sessionHistory)
        {
            try
            {
                await CallClusterAsync(new LaneBacklogEntry(new JournaledEvent(0, laneEvent, 0)), stopping).ConfigureAwait(false);
            }
            catch (LaneBackendUnavailableException unavailable)
            {
                _context.Connectivity.ReportUnreachable(unavailable.Message);
                return false;
            }
        }
        return true;
    }

    private void RememberInSession(LaneEvent laneEvent, LaneOutcome outcome)
    {
        if (outcome.Refusal is not null)
        {
            return;
        }
        if (laneEvent.Kind is LaneEventKind.Pay or LaneEventKind.Void)
        {
            _sessionHistory.Clear();
            return;
        }
        if (laneEvent.Kind != LaneEventKind.Return)
        {
            _sessionHistory.Add(laneEvent);
            if (_sessionHistory.Count > MaxSessionHistory)
            {
                // A basket this long was never closed by a pay or void; keep the newest part of it.
                _sessionHistory.RemoveAt(0);
            }
        }
    }

    private async Task<LaneOutcome> CallClusterAsync(LaneBacklogEntry entry, CancellationToken stopping)
    {
        var laneEvent = entry.Journaled.Event;
        if (entry.AppliedOffline && laneEvent.Kind == LaneEventKind.Pay && entry.OfflineSaleTotal is { } total)
        {
            laneEvent = laneEvent with { OfflineSale = new LaneOfflineSale { Total = total, AcceptedAt = laneEvent.At } };
        }
        if (entry.AppliedOffline && laneEvent.Kind == LaneEventKind.Scan && _context.Catalog.Current.TryFind(laneEvent.Barcode!, out var item))
        {
            laneEvent = laneEvent with { OfflineItem = new LaneOfflineItem { Sku = item.Sku, UnitPrice = item.Price, CategoryPath = item.CategoryPath } };
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_context.Options.Cluster.CallTimeout);
        try
        {
            return await _context.Backend.ApplyAsync(laneEvent, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new LaneBackendUnavailableException($"no answer within {_context.Options.Cluster.CallTimeout}");
        }
        catch (Exception failure) when (failure is not LaneBackendUnavailableException and not OperationCanceledException)
        {
            GatewayLog.LaneFailed(_context.Logger, _laneId, laneEvent.EventId, failure);
            return LaneOutcome.Refused(RefusalCodes.GatewayFailure, "the event could not be processed; please try again");
        }
    }

    private async Task PublishOnlineAsync(LaneBacklogEntry entry, LaneOutcome outcome, CancellationToken stopping)
    {
        var journaled = entry.Journaled;
        if (outcome.Refusal is { } refusal)
        {
            await PublishErrorAsync(journaled, refusal, stopping).ConfigureAwait(false);
            if (outcome.Display is { } changed)
            {
                // A refused pay whose basket now costs something else: the lane shows the new total.
                _session.MirrorOnline(journaled.Event, outcome);
                await ShowAsync(changed, LaneModes.Online, stopping).ConfigureAwait(false);
            }
            _context.Journal.RecordApplied(journaled, _displaySeq, settled: true);
            return;
        }
        _session.MirrorOnline(journaled.Event, outcome);
        await PublishAcceptedAsync(journaled, outcome, LaneModes.Online, stopping).ConfigureAwait(false);
        _context.Journal.RecordApplied(journaled, _displaySeq, settled: true);
    }

    private async Task SettleReplayAsync(LaneBacklogEntry entry, LaneOutcome outcome, CancellationToken stopping)
    {
        var journaled = entry.Journaled;
        _context.Journal.RecordDelivered(journaled);
        _context.Debt.Settle();
        _context.Instruments.Replayed();
        if (outcome.Refusal is { } refusal)
        {
            GatewayLog.ReplayRefused(_context.Logger, _laneId, journaled.Event.EventId, refusal.Code, refusal.Message);
            await _context.Publisher.PublishErrorAsync(
                _laneId,
                new LaneErrorMessage(journaled.Event.EventId, refusal.Code, $"offline event refused when replayed: {refusal.Message}"),
                stopping).ConfigureAwait(false);
            return;
        }
        if (outcome.Receipt is { } receipt)
        {
            await _context.Publisher.PublishReceiptAsync(_laneId, receipt with { Mode = LaneModes.Online, SettledFromOffline = true }, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>After a run of replays, the lane is shown the cluster's view again, now online.</summary>
    private async Task FinishReplayAsync((LaneEvent Event, LaneOutcome Outcome)? lastReplay, int replayed, CancellationToken stopping)
    {
        if (lastReplay is not { } last || replayed == 0)
        {
            return;
        }
        _session.MirrorOnline(last.Event, last.Outcome);
        if (last.Outcome.Display is { } display)
        {
            await ShowAsync(display, LaneModes.Online, stopping).ConfigureAwait(false);
        }
        GatewayLog.LaneReplayed(_context.Logger, _laneId, replayed);
    }

    private async Task ApplyOfflineAsync(CancellationToken stopping)
    {
        foreach (var entry in _backlog)
        {
            if (entry.AppliedOffline || entry.RefusedOffline)
            {
                continue;
            }
            var journaled = entry.Journaled;
            var outcome = _session.ApplyOffline(journaled.Event);
            if (outcome.Refusal is { } refusal)
            {
                entry.RefusedOffline = true;
                await PublishErrorAsync(journaled, refusal, stopping).ConfigureAwait(false);
                _context.Journal.RecordApplied(journaled, _displaySeq, settled: true);
                continue;
            }
            entry.AppliedOffline = true;
            entry.OfflineSaleTotal = outcome.Receipt?.Total;
            _context.Debt.Add();
            await PublishAcceptedAsync(journaled, outcome, LaneModes.Offline, stopping).ConfigureAwait(false);
            _context.Journal.RecordApplied(journaled, _displaySeq, settled: false, entry.OfflineSaleTotal);
        }
    }

    private async Task PublishAcceptedAsync(JournaledEvent journaled, LaneOutcome outcome, string mode, CancellationToken stopping)
    {
        if (outcome.Receipt is { } receipt)
        {
            await _context.Publisher.PublishReceiptAsync(_laneId, receipt with { Mode = mode }, stopping).ConfigureAwait(false);
        }
        if (outcome.Display is { } display)
        {
            await ShowAsync(display, mode, stopping).ConfigureAwait(false);
        }
        _context.Instruments.Latency(journaled.ReceivedTimestamp);
    }

    /// <summary>Publishes <paramref name="display"/> as the lane's next one (its <c>seq</c> rises by one).</summary>
    private Task ShowAsync(LaneDisplay display, string mode, CancellationToken stopping) =>
        _context.Publisher.PublishDisplayAsync(_laneId, display with { Seq = ++_displaySeq, Mode = mode }, stopping);

    private async Task PublishErrorAsync(JournaledEvent journaled, LaneRefusal refusal, CancellationToken stopping)
    {
        await _context.Publisher.PublishErrorAsync(_laneId, new LaneErrorMessage(journaled.Event.EventId, refusal.Code, refusal.Message), stopping).ConfigureAwait(false);
        _context.Instruments.Refused(refusal.Code);
        _context.Instruments.Latency(journaled.ReceivedTimestamp);
    }
}

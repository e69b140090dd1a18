using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// One store's live figures. Activated by the first event on the store's stream (implicit
/// subscription) or by a dashboard asking; rebuilt from history on activation; publishes throttled
/// updates on the store's dashboard stream and reports its day to the chain.
/// </summary>
[ImplicitStreamSubscription(LoyaltyStreams.StoreEventsNamespace)]
[CollectionAgeLimit(Hours = 2)]
internal sealed class StoreDashboardGrain(
    IDashboardHistory history,
    IStoreTimeZones zones,
    IOptions<DashboardOptions> options,
    [FromKeyedServices(DashboardClock.ServiceKey)] TimeProvider clock,
    ILogger<StoreDashboardGrain> logger)
    : Grain, IStoreDashboardGrain, IStreamSubscriptionObserver, IAsyncObserver<LoyaltyEvent>
{
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private string _storeId = "";
    private StoreDayFigures _figures = null!;
    private IAsyncStream<DashboardUpdate> _updates = null!;
    private ThrottledFlush _flush = null!;
    private bool _historyLoaded;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storeId = this.GetPrimaryKeyString();
        _figures = new StoreDayFigures(_storeId, zones.ForStore(_storeId), options.Value, clock.GetUtcNow());
        _updates = this.GetStreamProvider(LoyaltyStreams.ProviderName).GetStream<DashboardUpdate>(DashboardStreamIds.Updates(_storeId));
        _flush = new ThrottledFlush(this, clock, options.Value.PublishInterval, FlushAsync);
        await LoadHistoryAsync(cancellationToken);
        var every = options.Value.HousekeepingInterval;
        this.RegisterGrainTimer(HousekeepAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = false });
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<LoyaltyEvent>().ResumeAsync(this);

    public Task OnNextAsync(LoyaltyEvent item, StreamSequenceToken? token = null)
    {
        if (_figures.Apply(item, clock.GetUtcNow()))
        {
            _flush.Request();
        }
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task<DashboardSnapshot> GetSnapshotAsync()
    {
        var snapshot = _figures.ToSnapshot(clock.GetUtcNow(), _epoch);
        RequestFlushIfDirty();
        return Task.FromResult(snapshot);
    }

    public Task<StoreContribution> GetContributionAsync() => Task.FromResult(_figures.TakeContribution(clock.GetUtcNow()));

    private async Task LoadHistoryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            var past = await history.LoadStoreEventsAsync(_storeId, _figures.HistoryStart(now), cancellationToken);
            foreach (var e in past)
            {
                _figures.Apply(e, now);
            }
            _figures.SettleAfterRebuild(now);
            _historyLoaded = true;
            logger.Rebuilt(_storeId, past.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Events still arrive; the figures they make are merged with the history once it loads,
            // and the txnIds keep anything from being counted twice.
            logger.HistoryFailed(_storeId, ex);
        }
        RequestFlushIfDirty();
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        if (!_historyLoaded)
        {
            await LoadHistoryAsync(cancellationToken);
        }
        _figures.RollOver(clock.GetUtcNow());
        RequestFlushIfDirty();
    }

    private void RequestFlushIfDirty()
    {
        if (_figures.Dirty)
        {
            _flush.Request();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_figures.Dirty)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var update = _figures.TakeUpdate(now, _epoch);
        var contribution = _figures.TakeContribution(now);
        try
        {
            await _updates.OnNextAsync(update);
        }
        catch (Exception ex)
        {
            logger.PublishFailed(_storeId, ex);
        }
        try
        {
            await GrainFactory.GetGrain<IChainDashboardGrain>(DashboardScopes.ChainKey).ReportAsync(contribution);
        }
        catch (Exception ex)
        {
            logger.ChainReportFailed(_storeId, ex);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// The chain's live figures, summed from the stores' contributions. When activated it asks every
/// store that was active today for its day, so a restart loses nothing the stores can rebuild.
/// </summary>
[CollectionAgeLimit(Hours = 2)]
internal sealed class ChainDashboardGrain(
    IDashboardHistory history,
    IStoreTimeZones zones,
    IOptions<DashboardOptions> options,
    [FromKeyedServices(DashboardClock.ServiceKey)] TimeProvider clock,
    ILogger<ChainDashboardGrain> logger)
    : Grain, IChainDashboardGrain
{
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private TimeZoneInfo _zone = null!;
    private ChainFigures _figures = null!;
    private IAsyncStream<DashboardUpdate> _updates = null!;
    private ThrottledFlush _flush = null!;
    private DateOnly _date;
    private bool _storesCollected;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _zone = zones.ForChain();
        _figures = new ChainFigures(_zone, options.Value);
        _updates = this.GetStreamProvider(LoyaltyStreams.ProviderName).GetStream<DashboardUpdate>(DashboardStreamIds.Updates(DashboardScopes.ChainKey));
        _flush = new ThrottledFlush(this, clock, options.Value.PublishInterval, FlushAsync);
        _date = LocalDay.DateOf(clock.GetUtcNow(), _zone);
        await CollectStoresAsync(cancellationToken);
        var every = options.Value.HousekeepingInterval;
        this.RegisterGrainTimer(HousekeepAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = false });
    }

    public Task<DashboardSnapshot> GetSnapshotAsync() => Task.FromResult(_figures.ToSnapshot(clock.GetUtcNow(), _epoch));

    public Task ReportAsync(StoreContribution contribution)
    {
        _figures.Report(contribution);
        _flush.Request();
        return Task.CompletedTask;
    }

    private async Task CollectStoresAsync(CancellationToken cancellationToken)
    {
        try
        {
            var since = LocalDay.StartOf(clock.GetUtcNow(), _zone);
            var storeIds = await history.LoadActiveStoreIdsAsync(since, cancellationToken);
            var contributions = await Task.WhenAll(storeIds.Select(id => GrainFactory.GetGrain<IStoreDashboardGrain>(id).GetContributionAsync()));
            foreach (var contribution in contributions)
            {
                _figures.Report(contribution);
            }
            _storesCollected = true;
            logger.Rebuilt(DashboardScopes.ChainKey, contributions.Length);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.HistoryFailed(DashboardScopes.ChainKey, ex);
        }
        if (_figures.Dirty)
        {
            _flush.Request();
        }
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        if (!_storesCollected)
        {
            await CollectStoresAsync(cancellationToken);
        }
        var today = LocalDay.DateOf(clock.GetUtcNow(), _zone);
        if (today != _date)
        {
            // Midnight: yesterday's contributions stop counting; tell the dashboards even if nothing sells.
            _date = today;
            _flush.Request();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _updates.OnNextAsync(_figures.TakeUpdate(clock.GetUtcNow(), _epoch));
        }
        catch (Exception ex)
        {
            logger.PublishFailed(DashboardScopes.ChainKey, ex);
        }
    }
}

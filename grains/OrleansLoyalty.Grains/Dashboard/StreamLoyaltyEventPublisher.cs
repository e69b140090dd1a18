using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// Puts events on their store's stream, in the background: a caller hands its facts over and goes on, so a checkout's
/// answer never waits for a stream enqueue. Whatever arrived within <see cref="GatherFor"/> of the first fact is sent
/// as one batch per store, so at a busy moment one enqueue carries the sales of many lanes instead of one each.
/// Swallows failures: the commit has already happened and must not look failed. A fact still queued when the process
/// dies is lost like one in flight in a memory stream; the dashboards rebuild from PostgreSQL.
/// </summary>
internal sealed class StreamLoyaltyEventPublisher : ILoyaltyEventPublisher, IAsyncDisposable
{
    /// <summary>
    /// How long the first fact waits for others to share its enqueue: small beside the dashboards' own pace (stream
    /// polls every 25 ms, figures every 50 ms, browsers every 200 ms; docs/dashboard.md). A transport pace, not
    /// business time, so it runs on the real clock.
    /// </summary>
    private static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(10);

    private readonly IClusterClient _client;
    private readonly ILogger _logger;
    private readonly Channel<LoyaltyEvent> _queue = Channel.CreateUnbounded<LoyaltyEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sender;

    public StreamLoyaltyEventPublisher(IClusterClient client, ILogger<StreamLoyaltyEventPublisher> logger)
    {
        _client = client;
        _logger = logger;
        _sender = Task.Run(SendLoop);
    }

    public Task PublishAsync(LoyaltyEvent e)
    {
        _queue.Writer.TryWrite(e);
        return Task.CompletedTask;
    }

    /// <summary>Sends what is still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
    }

    private async Task SendLoop()
    {
        var gathered = new List<LoyaltyEvent>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await Task.Delay(GatherFor).ConfigureAwait(false);
            while (_queue.Reader.TryRead(out var e))
            {
                gathered.Add(e);
            }
            // GroupBy keeps each store's facts in the order they were published.
            foreach (var store in gathered.GroupBy(e => e.StoreId))
            {
                await Send(store.Key, [.. store]).ConfigureAwait(false);
            }
            gathered.Clear();
        }
    }

    private async Task Send(string storeId, List<LoyaltyEvent> batch)
    {
        try
        {
            var stream = _client.GetStreamProvider(LoyaltyStreams.ProviderName).GetStream<LoyaltyEvent>(DashboardStreamIds.StoreEvents(storeId));
            await (batch.Count == 1 ? stream.OnNextAsync(batch[0]) : stream.OnNextBatchAsync(batch)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.EventNotPublished(string.Join("+", batch.Select(e => e.GetType().Name).Distinct()), storeId, ex);
        }
    }
}

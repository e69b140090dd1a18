using Microsoft.Extensions.Logging;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Puts events on their store's stream. Swallows failures: the commit has already happened and must not look failed.</summary>
internal sealed class StreamLoyaltyEventPublisher(IClusterClient client, ILogger<StreamLoyaltyEventPublisher> logger) : ILoyaltyEventPublisher
{
    public Task PublishAsync(LoyaltyEvent e) => PublishAsync([e]);

    public async Task PublishAsync(IReadOnlyList<LoyaltyEvent> events)
    {
        foreach (var store in events.GroupBy(e => e.StoreId))
        {
            try
            {
                var stream = client.GetStreamProvider(LoyaltyStreams.ProviderName).GetStream<LoyaltyEvent>(DashboardStreamIds.StoreEvents(store.Key));
                var batch = store.ToList();
                await (batch.Count == 1 ? stream.OnNextAsync(batch[0]) : stream.OnNextBatchAsync(batch));
            }
            catch (Exception ex)
            {
                logger.EventNotPublished(string.Join("+", store.Select(e => e.GetType().Name).Distinct()), store.Key, ex);
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Puts events on their store's stream. Swallows failures: the commit has already happened and must not look failed.</summary>
internal sealed class StreamLoyaltyEventPublisher(IClusterClient client, ILogger<StreamLoyaltyEventPublisher> logger) : ILoyaltyEventPublisher
{
    public async Task PublishAsync(LoyaltyEvent e)
    {
        try
        {
            var stream = client.GetStreamProvider(LoyaltyStreams.ProviderName).GetStream<LoyaltyEvent>(DashboardStreamIds.StoreEvents(e.StoreId));
            await stream.OnNextAsync(e);
        }
        catch (Exception ex)
        {
            logger.EventNotPublished(e.GetType().Name, e.StoreId, ex);
        }
    }
}

using System.Collections.Concurrent;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>Keeps every event the grains publish, so tests can see what the dashboards would have been told.</summary>
public sealed class RecordingEventPublisher : ILoyaltyEventPublisher
{
    private readonly ConcurrentQueue<LoyaltyEvent> _events = new();

    public IReadOnlyList<LoyaltyEvent> Events => [.. _events];

    public Task PublishAsync(LoyaltyEvent e)
    {
        _events.Enqueue(e);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The <c>notification_outbox</c> table in memory: the messages written with grain state, by id.</summary>
public sealed class InMemoryOutbox
{
    private readonly ConcurrentDictionary<string, (long Order, OutboxMessage Message)> _messages = new(StringComparer.Ordinal);
    private long _order;

    public void Append(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            _messages.TryAdd(message.MessageId, (Interlocked.Increment(ref _order), message));
        }
    }

    /// <summary>A member's messages in the order they were written (the table's id order).</summary>
    public IReadOnlyList<OutboxMessage> For(string memberId) =>
        _messages.Values.Where(m => m.Message.MemberId == memberId).OrderBy(m => m.Order).Select(m => m.Message).ToList();
}

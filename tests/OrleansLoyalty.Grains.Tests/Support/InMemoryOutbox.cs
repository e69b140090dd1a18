using System.Collections.Concurrent;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The <c>notification_outbox</c> table in memory: the messages written with grain state, by id.</summary>
public sealed class InMemoryOutbox
{
    private readonly ConcurrentDictionary<string, OutboxMessage> _messages = new(StringComparer.Ordinal);

    public void Append(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            _messages.TryAdd(message.MessageId, message);
        }
    }

    public IReadOnlyList<OutboxMessage> For(string memberId) =>
        _messages.Values.Where(m => m.MemberId == memberId).OrderBy(m => m.CreatedAt).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
}

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// The channels this silo has a sender for. A reminder for a member who chose a channel nobody can deliver on (WeChat
/// without a service-message client) goes by SMS instead of waiting in the outbox until it expires, and the api
/// refuses such a choice when it is made.
/// </summary>
public sealed class DeliverableChannels(IEnumerable<string> channels)
{
    private readonly HashSet<string> _channels = new(channels, StringComparer.Ordinal);

    public static DeliverableChannels Of(IEnumerable<INotificationSender> senders) => new(senders.Select(s => s.Channel));

    public bool Has(string channel) => _channels.Contains(channel);
}

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>A provider answered but did not take the message; the text says what it answered (kept on the outbox row).</summary>
/// <param name="undeliverable">
/// The channel will not take this message for this recipient however often it is tried (WeChat: the member has no
/// subscription left, an unknown open id): a member's reminder then goes by SMS instead of being tried again.
/// </param>
public sealed class NotificationRefusedException(string message, bool undeliverable = false) : Exception(message)
{
    public bool Undeliverable { get; } = undeliverable;
}

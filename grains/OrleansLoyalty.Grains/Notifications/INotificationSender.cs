namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// Hands a message to the outside world for one channel (an SMS provider's API, a mail relay). Throwing means "not
/// delivered": the dispatcher tries again later. A sender should pass <see cref="NotificationDelivery.MessageId"/> on
/// as the provider's idempotency key where it has one: after a crash between the provider's acceptance and the
/// outbox's update, the same message is handed over again.
/// </summary>
public interface INotificationSender
{
    string Channel { get; }

    Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>A message ready to go: recipient and values decrypted, and the text rendered.</summary>
public sealed record NotificationDelivery(
    string MessageId,
    string? MemberId,
    string Channel,
    string Template,
    string Recipient,
    string Values,
    string Text,
    DateTimeOffset CreatedAt);

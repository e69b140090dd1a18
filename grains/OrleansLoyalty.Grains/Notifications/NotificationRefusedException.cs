namespace OrleansLoyalty.Grains.Notifications;

/// <summary>A provider answered but did not take the message; the text says what it answered (kept on the outbox row).</summary>
public sealed class NotificationRefusedException(string message) : Exception(message);

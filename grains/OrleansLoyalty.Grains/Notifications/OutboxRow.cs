namespace OrleansLoyalty.Grains.Notifications;

/// <summary>A pending row of <c>notification_outbox</c> as the dispatcher claims it: the message (still encrypted), its row id and tries so far.</summary>
public sealed record OutboxRow(long Id, OutboxMessage Message, int Attempts);

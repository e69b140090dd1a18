namespace OrleansLoyalty.Grains.Notifications;

/// <summary>A pending row of <c>notification_outbox</c>, as the dispatcher claims it (still encrypted).</summary>
public sealed record OutboxRow(
    long Id,
    string MessageId,
    string? MemberId,
    string Channel,
    string Template,
    string ProtectedRecipient,
    string ProtectedPayload,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int Attempts);

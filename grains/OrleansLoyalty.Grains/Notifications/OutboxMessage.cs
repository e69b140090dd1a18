namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// A message to a person, written to <c>notification_outbox</c> in the same transaction as the state change that
/// caused it (a <see cref="Persistence.StateCompanions"/> row), and delivered afterwards by the
/// <see cref="NotificationDispatcher"/>. Recipient and content are encrypted: the outbox holds no phone number or
/// code in clear, and the content is removed once delivered or expired.
/// </summary>
/// <param name="MessageId">Unique: writing the same message twice stores it once.</param>
/// <param name="Channel">How it travels: <c>sms</c> (e-mail and WeChat-style channels fit the same row).</param>
/// <param name="Template">What it says, e.g. <c>signin.code</c>; the sender renders it with <paramref name="ProtectedPayload"/>.</param>
/// <param name="ProtectedRecipient">The phone number (or address), encrypted by the personal-data protector.</param>
/// <param name="ProtectedPayload">The template's values as JSON, encrypted.</param>
/// <param name="ExpiresAt">Not delivered after this (a sign-in code that arrives too late is only noise).</param>
/// <param name="NotBefore">Not delivered before this (the end of quiet hours); null: at once.</param>
public sealed record OutboxMessage(
    string MessageId,
    string? MemberId,
    string Channel,
    string Template,
    string ProtectedRecipient,
    string ProtectedPayload,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? NotBefore = null);

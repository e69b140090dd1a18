namespace OrleansLoyalty.Contracts.Cards;

/// <summary>Whether the member has a payment PIN, and until when it is locked after too many wrong guesses.</summary>
/// <param name="AppCodeSpent">Asked for an app code: it has already paid a sale from stored value.</param>
[GenerateSerializer, Immutable, Alias("cards.PaymentPinStatus")]
public sealed record PaymentPinStatus(
    [property: Id(0)] bool Set,
    [property: Id(1)] DateTimeOffset? LockedUntil,
    [property: Id(2)] DateTimeOffset? ChangedAt,
    [property: Id(3)] bool AppCodeSpent = false);

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Cards;

/// <summary>A sale asking to take stored value from a member's cards, as the member's PIN grain judges it.</summary>
/// <param name="Amount">The stored value the sale takes, fen.</param>
/// <param name="MemberHoldsIt">The card or an app code was shown, not only a phone number or a member id.</param>
/// <param name="Pin">The PIN the lane sent, if any.</param>
/// <param name="AppCode">When the shopper showed an app code: which one, and for which sale.</param>
[GenerateSerializer, Immutable, Alias("cards.StoredValuePayment")]
public sealed record StoredValuePayment(
    [property: Id(0)] long Amount,
    [property: Id(1)] bool MemberHoldsIt,
    [property: Id(2)] string? Pin,
    [property: Id(3)] AppCodePayment? AppCode,
    [property: Id(4)] StoredValuePolicy Policy);

/// <summary>
/// An app code paying stored value. A code pays one sale: <paramref name="Step"/> names the code (the minute it was made
/// in), <paramref name="TxnId"/> the sale, so that retries of that sale still count it as shown.
/// </summary>
[GenerateSerializer, Immutable, Alias("cards.AppCodePayment")]
public sealed record AppCodePayment([property: Id(0)] long Step, [property: Id(1)] string TxnId);

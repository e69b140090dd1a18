using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// The member a checkout identified: what pricing needs, and the stored value their active cards hold as they were
/// read, so that the lane's display and the quote can tell the cashier what the member could pay from their cards.
/// </summary>
/// <param name="Cards">The member's cards as they were read, in the member's order (a stored-value tender without a card
/// number pays from them without reading them again).</param>
public sealed record ResolvedMember(MemberPricingView View, IReadOnlyList<CardSnapshot> Cards)
{
    /// <summary>What the member's active cards hold; a lost, replaced or expired card keeps its balance but cannot pay.</summary>
    public long StoredValueBalance { get; } = MemberResolver.ActiveBalance(Cards);

    /// <summary>
    /// Whether paying with that stored value will take the member's PIN, read for quotes and lane displays (null when
    /// there is no stored value to pay with, and on the commit path, which asks the PIN itself).
    /// </summary>
    public StoredValuePinHint? PinHint { get; init; }

    /// <summary>
    /// The step of the app code the shopper showed (read here from a REST body's code, or by the lane when it read the
    /// code), which names the code: a code pays stored value once. Null when no code was shown.
    /// </summary>
    public long? AppCodeStep { get; init; }
}

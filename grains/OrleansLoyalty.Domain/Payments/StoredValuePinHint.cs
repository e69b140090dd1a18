namespace OrleansLoyalty.Domain.Payments;

/// <summary>
/// What a lane should know before the shopper pays with stored value: whether the POS must ask for the payment PIN,
/// and when stored value cannot pay at all (docs/payment-pin.md, "Before the pay"). Without it the cashier learns only
/// from the pay's refusal, after the shopper has put their phone away.
/// </summary>
/// <param name="State">One of <see cref="StoredValuePinStates"/>.</param>
/// <param name="FreeUpTo">Stored value up to this much (fen) pays without the PIN; 0: any amount needs it. Meaningful
/// for <see cref="StoredValuePinStates.Needed"/> and <see cref="StoredValuePinStates.Locked"/>.</param>
/// <param name="LockedUntil">When a locked PIN unlocks by itself.</param>
[GenerateSerializer, Immutable, Alias("domain.StoredValuePinHint")]
public sealed record StoredValuePinHint(
    [property: Id(0)] string State,
    [property: Id(1)] long FreeUpTo = 0,
    [property: Id(2)] DateTimeOffset? LockedUntil = null);

/// <summary>The states of a <see cref="StoredValuePinHint"/>, as they go on the wire.</summary>
public static class StoredValuePinStates
{
    /// <summary>Stored value pays without a PIN, whatever the amount.</summary>
    public const string None = "none";

    /// <summary>The POS asks for the PIN when the stored value paid is above <see cref="StoredValuePinHint.FreeUpTo"/>.</summary>
    public const string Needed = "needed";

    /// <summary>Too many wrong PINs: stored value above <see cref="StoredValuePinHint.FreeUpTo"/> cannot pay until the lock ends.</summary>
    public const string Locked = "locked";

    /// <summary>Identified by phone or member id, and the member has no PIN: stored value pays only once the card or the app code is shown.</summary>
    public const string ShowCard = "showCard";
}

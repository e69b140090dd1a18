namespace OrleansLoyalty.Domain;

/// <summary>When paying with stored value takes the member's payment PIN (docs/payment-pin.md).</summary>
/// <param name="PinFreeLimit">
/// With the card or the app code shown, a sale taking at most this much stored value (fen) needs no PIN even when the
/// member has one; 0 asks a member who set a PIN every time, as a 储值卡 with a password does.
/// </param>
/// <param name="PinWhenNotShown">
/// Whether stored value paid without the card or the app code (the shopper gave a phone number or a member id) always
/// takes the PIN, so that no one pays from a member's cards with what is printed on a receipt.
/// </param>
[GenerateSerializer, Immutable, Alias("domain.StoredValuePolicy")]
public sealed record StoredValuePolicy(
    [Id(0)] long PinFreeLimit = 0,
    [Id(1)] bool PinWhenNotShown = true)
{
    public static StoredValuePolicy Default { get; } = new(PinFreeLimit: 0, PinWhenNotShown: true);
}

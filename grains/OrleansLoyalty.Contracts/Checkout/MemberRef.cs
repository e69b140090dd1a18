using System.Text.Json.Serialization;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>How a lane identified the shopper: exactly one of card, member id, phone or app code.</summary>
/// <param name="AppCodeShown">
/// Set by a lane that turned an app code into <see cref="MemberId"/> when it was read: the shopper showed the member's
/// own phone, which lets stored value be paid as with the card in hand (docs/payment-pin.md). Not part of the REST body.
/// </param>
/// <param name="AppCodeStep">With <see cref="AppCodeShown"/>: the step the code was made in, which names the code (a
/// code pays stored value once). Not part of the REST body.</param>
[GenerateSerializer, Immutable, Alias("checkout.MemberRef")]
public sealed record MemberRef(
    [property: Id(0)] string? CardNo,
    [property: Id(1)] string? MemberId,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? MemberCode,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AppCodeShown = false,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long? AppCodeStep = null)
{
    /// <summary>Whether the shopper showed something only the member holds: the card, or the app's rotating code.</summary>
    [JsonIgnore]
    public bool MemberHoldsIt => CardNo is not null || MemberCode is not null || AppCodeShown;
}

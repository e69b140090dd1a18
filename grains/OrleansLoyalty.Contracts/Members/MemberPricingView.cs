using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>
/// What pricing needs of a member, read from memory: wallet and coupons, plus the masked name a lane shows.
/// <see cref="PaymentPinSet"/> false: the member certainly has no payment PIN, so paying from stored value need not ask
/// their PIN grain (null: not known, ask it).
/// </summary>
[GenerateSerializer, Immutable, Alias("members.MemberPricingView")]
public sealed record MemberPricingView(
    [property: Id(0)] MemberContext Context,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> CardNos,
    [property: Id(3)] bool? PaymentPinSet = null)
{
    /// <summary>The member certainly has no payment PIN (not merely "not known to have one").</summary>
    public bool HasNoPaymentPin => PaymentPinSet == false;
}

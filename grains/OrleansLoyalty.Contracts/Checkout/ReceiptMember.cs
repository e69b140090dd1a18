using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>The shopper as a lane display may show them: name masked.</summary>
/// <param name="StoredValuePin">On a quote whose member has stored value: whether paying with it takes the PIN.</param>
[GenerateSerializer, Immutable, Alias("checkout.ReceiptMember")]
public sealed record ReceiptMember(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Tier,
    [property: Id(3)] long PointsBalance,
    [property: Id(4)] long StoredValueBalance,
    [property: Id(5)] StoredValuePinHint? StoredValuePin = null);

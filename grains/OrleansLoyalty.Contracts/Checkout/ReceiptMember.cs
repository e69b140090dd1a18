namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>The shopper as a lane display may show them: name masked.</summary>
[GenerateSerializer, Immutable, Alias("checkout.ReceiptMember")]
public sealed record ReceiptMember(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Tier,
    [property: Id(3)] long PointsBalance,
    [property: Id(4)] long StoredValueBalance);

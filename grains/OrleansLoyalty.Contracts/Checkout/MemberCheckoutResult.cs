namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>The member after a purchase: what the receipt prints about points and tier.</summary>
[GenerateSerializer, Immutable, Alias("checkout.MemberCheckoutResult")]
public sealed record MemberCheckoutResult(
    [property: Id(0)] string TxnId,
    [property: Id(1)] long PointsEarned,
    [property: Id(2)] long PointsRedeemed,
    [property: Id(3)] long PointsBalance,
    [property: Id(4)] string TierBefore,
    [property: Id(5)] string TierAfter);

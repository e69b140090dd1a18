namespace OrleansLoyalty.Contracts.Members;

/// <summary>A coupon bought with points: the coupon, what it cost and the points left.</summary>
[GenerateSerializer, Immutable, Alias("members.PointsExchange")]
public sealed record PointsExchange(
    [property: Id(0)] string TxnId,
    [property: Id(1)] Domain.Coupon Coupon,
    [property: Id(2)] long PointsSpent,
    [property: Id(3)] long PointsBalance);

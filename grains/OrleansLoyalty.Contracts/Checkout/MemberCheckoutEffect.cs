namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// What a committed purchase does to its member, decided by the checkout when it priced the basket.
/// <paramref name="LocalDate"/> is the store's date, which decides the points lot and the tier window.
/// </summary>
[GenerateSerializer, Immutable, Alias("checkout.MemberCheckoutEffect")]
public sealed record MemberCheckoutEffect(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string StoreId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateOnly LocalDate,
    [property: Id(4)] long SpendForTier,
    [property: Id(5)] int Visits,
    [property: Id(6)] long PointsEarned,
    [property: Id(7)] long PointsRedeemed,
    [property: Id(8)] IReadOnlyList<string> CouponsRedeemed,
    [property: Id(9)] IReadOnlyList<CampaignUse>? CampaignsUsed = null);

/// <summary>A campaign this purchase used, with how often one member may use it (null: no limit).</summary>
[GenerateSerializer, Immutable, Alias("checkout.CampaignUse")]
public sealed record CampaignUse([property: Id(0)] string CampaignId, [property: Id(1)] int? PerMemberLimit);

namespace OrleansLoyalty.Domain;

/// <summary>What pricing needs to know about the identified member (from the member grain's memory).</summary>
/// <param name="Coupons">The member's coupons (any status); only presented codes are considered.</param>
/// <param name="CampaignUsage">Baskets in which the member already used each campaign (campaignId → count).</param>
/// <param name="Segment">The member's segment in the last purchase analysis (<see cref="Domain.Segment"/>); null before their first.</param>
[GenerateSerializer, Immutable, Alias("domain.MemberContext")]
public sealed record MemberContext(
    [Id(0)] string MemberId,
    [Id(1)] string TierId,
    [Id(2)] MemberBirthday? Birthday,
    [Id(3)] long PointsBalance,
    [Id(4)] ImmutableArray<Coupon> Coupons,
    [Id(5)] ImmutableDictionary<string, int>? CampaignUsage,
    [Id(6)] string? Segment = null);

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>What a member looks like right now: profile and wallet, as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("members.MemberSnapshot")]
public sealed record MemberSnapshot(
    [property: Id(0)] string MemberId,
    [property: Id(1)] MemberProfile Profile,
    [property: Id(2)] string HomeStoreId,
    [property: Id(3)] string Channel,
    [property: Id(4)] string ReferralCode,
    [property: Id(5)] string Tier,
    [property: Id(6)] long Spend12m,
    [property: Id(7)] int Visits12m,
    [property: Id(8)] long PointsBalance,
    [property: Id(9)] IReadOnlyList<ExpiringPoints> Expiring,
    [property: Id(10)] IReadOnlyList<string> CardNos,
    [property: Id(11)] DateTimeOffset RegisteredAt,
    [property: Id(12)] int ActiveCoupons);

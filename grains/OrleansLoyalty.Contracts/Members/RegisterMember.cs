namespace OrleansLoyalty.Contracts.Members;

/// <summary>A validated registration. <paramref name="ReferrerMemberId"/> is resolved from the referral code by the caller.</summary>
[GenerateSerializer, Immutable, Alias("members.RegisterMember")]
public sealed record RegisterMember(
    [property: Id(0)] MemberProfile Profile,
    [property: Id(1)] string StoreId,
    [property: Id(2)] string Channel,
    [property: Id(3)] string? ReferralCode);

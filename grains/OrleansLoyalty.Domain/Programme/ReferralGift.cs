namespace OrleansLoyalty.Domain;

/// <summary>Granted to the referrer when the referred member completes their first purchase.</summary>
[GenerateSerializer, Immutable, Alias("domain.ReferralGift")]
public sealed record ReferralGift(
    [Id(0)] long ReferrerPoints,
    [Id(1)] long RefereePoints);

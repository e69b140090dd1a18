namespace OrleansLoyalty.Domain;

[GenerateSerializer, Immutable, Alias("domain.GiftPolicy")]
public sealed record GiftPolicy(
    [Id(0)] SignUpGift SignUp,
    [Id(1)] ReferralGift Referral,
    [Id(2)] BirthdayGift Birthday);

namespace OrleansLoyalty.Contracts.Members;

/// <summary>The answer to a registration: the member and the gifts the programme granted on sign-up.</summary>
[GenerateSerializer, Immutable, Alias("members.RegistrationResult")]
public sealed record RegistrationResult(
    [property: Id(0)] MemberSnapshot Member,
    [property: Id(1)] long GiftPoints,
    [property: Id(2)] IReadOnlyList<string> GiftCoupons);

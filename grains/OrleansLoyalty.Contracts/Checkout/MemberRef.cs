namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>How a lane identified the shopper: exactly one of card, member id, phone or app code.</summary>
[GenerateSerializer, Immutable, Alias("checkout.MemberRef")]
public sealed record MemberRef(
    [property: Id(0)] string? CardNo,
    [property: Id(1)] string? MemberId,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? MemberCode);

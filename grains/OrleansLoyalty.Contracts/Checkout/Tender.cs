namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// One way the shopper paid. <see cref="CardNo"/> names the card for <c>storedValue</c>; without it, an identified
/// member pays from their own active cards (the card shown first), which is how an app code or a phone pays.
/// </summary>
[GenerateSerializer, Immutable, Alias("checkout.Tender")]
public sealed record Tender(
    [property: Id(0)] string Kind,
    [property: Id(1)] long Amount,
    [property: Id(2)] string? CardNo);

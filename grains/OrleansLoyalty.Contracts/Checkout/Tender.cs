namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>One way the shopper paid. <see cref="CardNo"/> names the card for <c>storedValue</c>.</summary>
[GenerateSerializer, Immutable, Alias("checkout.Tender")]
public sealed record Tender(
    [property: Id(0)] string Kind,
    [property: Id(1)] long Amount,
    [property: Id(2)] string? CardNo);

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>Stored value a checkout takes from one card (fen).</summary>
[GenerateSerializer, Immutable, Alias("checkout.CardDebit")]
public sealed record CardDebit([property: Id(0)] string CardNo, [property: Id(1)] long Amount);

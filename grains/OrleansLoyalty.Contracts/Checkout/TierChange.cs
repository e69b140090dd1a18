namespace OrleansLoyalty.Contracts.Checkout;

[GenerateSerializer, Immutable, Alias("checkout.TierChange")]
public sealed record TierChange([property: Id(0)] string From, [property: Id(1)] string To);

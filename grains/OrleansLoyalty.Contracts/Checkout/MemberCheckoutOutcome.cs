namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>What settling a sale did to the member; <see cref="Replayed"/> when the txnId had been settled before and nothing changed now.</summary>
[GenerateSerializer, Immutable, Alias("checkout.MemberCheckoutOutcome")]
public sealed record MemberCheckoutOutcome([property: Id(0)] MemberCheckoutResult Result, [property: Id(1)] bool Replayed);

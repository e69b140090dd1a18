namespace OrleansLoyalty.Contracts.Events;

/// <summary>A checkout was committed (the receipt was answered).</summary>
[GenerateSerializer, Immutable, Alias("events.CheckoutCommitted")]
public sealed record CheckoutCommitted : TransactionEvent;

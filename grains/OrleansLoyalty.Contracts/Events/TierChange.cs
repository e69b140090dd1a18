namespace OrleansLoyalty.Contracts.Events;

[GenerateSerializer, Immutable, Alias("events.TierChange")]
public sealed record TierChange([property: Id(0)] string From, [property: Id(1)] string To);

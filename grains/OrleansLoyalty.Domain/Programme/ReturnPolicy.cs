namespace OrleansLoyalty.Domain;

[GenerateSerializer, Immutable, Alias("domain.ReturnPolicy")]
public sealed record ReturnPolicy(
    [Id(0)] ClawbackShortfall Shortfall);

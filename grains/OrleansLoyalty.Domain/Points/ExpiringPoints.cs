namespace OrleansLoyalty.Domain;

/// <summary>rest.md <c>expiring: [{points, on}]</c>: <see cref="Points"/> lapse at the end of <see cref="On"/>.</summary>
[GenerateSerializer, Immutable, Alias("domain.ExpiringPoints")]
public sealed record ExpiringPoints(
    [Id(0)] long Points,
    [Id(1)] DateOnly On);

namespace OrleansLoyalty.Domain;

/// <summary>Points that expire together: usable up to and including <see cref="ExpiresOn"/> (store-local).</summary>
[GenerateSerializer, Immutable, Alias("domain.PointsLot")]
public sealed record PointsLot(
    [Id(0)] DateOnly ExpiresOn,
    [Id(1)] long Points);

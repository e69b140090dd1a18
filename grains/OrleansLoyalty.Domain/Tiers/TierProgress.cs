namespace OrleansLoyalty.Domain;

/// <summary>rest.md <c>tierProgress</c>: how far the member is from the next tier (null at the top).</summary>
[GenerateSerializer, Immutable, Alias("domain.TierProgress")]
public sealed record TierProgress(
    [Id(0)] string TierId,
    [Id(1)] string? NextTierId,
    [Id(2)] long SpendToNextTier,
    [Id(3)] int VisitsToNextTier);

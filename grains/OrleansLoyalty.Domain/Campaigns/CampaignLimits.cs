namespace OrleansLoyalty.Domain;

/// <param name="PerMember">Baskets per member that may use the campaign; null = unlimited.
/// A campaign with a per-member limit applies to identified members only.</param>
/// <param name="Budget">Total fen (discount kinds) or points (points kinds) the campaign may give; null = unlimited.</param>
[GenerateSerializer, Immutable, Alias("domain.CampaignLimits")]
public sealed record CampaignLimits(
    [Id(0)] int? PerMember,
    [Id(1)] long? Budget)
{
    public static CampaignLimits None { get; } = new(null, null);
}

namespace OrleansLoyalty.Domain;

/// <summary>What a campaign gave in this basket: fen for discount kinds, points for points kinds. The commit debits budgets with it.</summary>
[GenerateSerializer, Immutable, Alias("domain.CampaignUsage")]
public sealed record CampaignUsage(
    [Id(0)] string CampaignId,
    [Id(1)] long Amount,
    [Id(2)] CampaignKind Kind);

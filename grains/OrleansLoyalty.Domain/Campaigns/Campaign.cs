namespace OrleansLoyalty.Domain;

/// <summary>A promotion (rest.md <c>POST /campaigns</c>).</summary>
[GenerateSerializer, Immutable, Alias("domain.Campaign")]
public sealed record Campaign(
    [Id(0)] string CampaignId,
    [Id(1)] string Name,
    [Id(2)] CampaignKind Kind,
    [Id(3)] CampaignSchedule Schedule,
    [Id(4)] CampaignTarget Target,
    [Id(5)] CampaignReward Reward,
    [Id(6)] CampaignLimits Limits,
    [Id(7)] CampaignStacking Stacking,
    [Id(8)] bool Paused)
{
    public bool GivesDiscount => Kind is CampaignKind.PercentOff or CampaignKind.AmountOffOver;
}

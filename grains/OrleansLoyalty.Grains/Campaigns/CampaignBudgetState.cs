namespace OrleansLoyalty.Grains.Campaigns;

/// <summary>What each txnId took from one campaign's budget (released ones are removed).</summary>
[GenerateSerializer, Alias("state.CampaignBudget")]
public sealed class CampaignBudgetState
{
    [Id(0)] public Dictionary<string, long> Consumed { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public long Total { get; set; }
}

namespace OrleansLoyalty.Domain;

/// <param name="Exclusive">The campaign takes the lines it targets out of every other campaign (不与其他促销同享).</param>
/// <param name="Priority">Higher goes first; among exclusive campaigns the highest claims a line.</param>
[GenerateSerializer, Immutable, Alias("domain.CampaignStacking")]
public sealed record CampaignStacking(
    [Id(0)] bool Exclusive,
    [Id(1)] int Priority)
{
    public static CampaignStacking Default { get; } = new(false, 0);
}

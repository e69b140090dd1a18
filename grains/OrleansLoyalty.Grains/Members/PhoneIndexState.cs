namespace OrleansLoyalty.Grains.Members;

[GenerateSerializer, Alias("state.IndexClaim")]
public sealed class IndexClaimState
{
    [Id(0)] public string? MemberId { get; set; }
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}

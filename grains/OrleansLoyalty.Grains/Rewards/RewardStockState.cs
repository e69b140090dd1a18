namespace OrleansLoyalty.Grains.Rewards;

/// <summary>Every txnId holding a unit of one reward, confirmed or still waiting for the member's payment.</summary>
[GenerateSerializer, Alias("state.RewardStock")]
public sealed class RewardStockState
{
    [Id(0)] public Dictionary<string, RewardReservation> Units { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("state.RewardReservation")]
public sealed record RewardReservation(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateTimeOffset ReservedAt,
    [property: Id(2)] bool Confirmed);

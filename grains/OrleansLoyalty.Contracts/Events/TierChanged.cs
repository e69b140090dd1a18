namespace OrleansLoyalty.Contracts.Events;

/// <summary>A member moved tier (by spending, by a yearly review or by an administrator).</summary>
[GenerateSerializer, Immutable, Alias("events.TierChanged")]
public sealed record TierChanged : LoyaltyEvent
{
    [Id(0)] public required string MemberId { get; init; }
    [Id(1)] public required string From { get; init; }
    [Id(2)] public required string To { get; init; }
}

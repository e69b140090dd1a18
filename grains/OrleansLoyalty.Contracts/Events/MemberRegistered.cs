namespace OrleansLoyalty.Contracts.Events;

[GenerateSerializer, Immutable, Alias("events.MemberRegistered")]
public sealed record MemberRegistered : LoyaltyEvent
{
    [Id(0)] public required string MemberId { get; init; }
    [Id(1)] public required string Tier { get; init; }
}

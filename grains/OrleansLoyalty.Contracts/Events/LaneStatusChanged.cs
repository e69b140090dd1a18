namespace OrleansLoyalty.Contracts.Events;

[GenerateSerializer, Immutable, Alias("events.LaneStatusChanged")]
public sealed record LaneStatusChanged : LoyaltyEvent
{
    [Id(0)] public required string LaneId { get; init; }
    [Id(1)] public required bool Online { get; init; }
}

namespace OrleansLoyalty.Contracts.Events;

[GenerateSerializer, Immutable, Alias("events.StoredValueToppedUp")]
public sealed record StoredValueToppedUp : LoyaltyEvent
{
    /// <summary>The top-up's txnId; repeats of the same top-up are counted once.</summary>
    [Id(0)] public required string TxnId { get; init; }
    /// <summary>Masked, e.g. "8800****2345": dashboards never see a full card number.</summary>
    [Id(1)] public required string CardNoMasked { get; init; }
    [Id(2)] public required long Amount { get; init; }
    [Id(3)] public string? LaneId { get; init; }
}

namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// A return was committed. Amounts are what was refunded (positive): <see cref="TransactionEvent.PointsEarned"/>
/// is the points taken back, <see cref="TransactionEvent.PointsRedeemed"/> the points given back,
/// <see cref="TransactionEvent.StoredValueSpent"/> the stored value paid back.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.ReturnCommitted")]
public sealed record ReturnCommitted : TransactionEvent
{
    [Id(0)] public string? OriginalTxnId { get; init; }
}

namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// The figures of a committed checkout or return, all money in fen. For a return every amount is what
/// was given back, as a positive number.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.TransactionEvent")]
public abstract record TransactionEvent : LoyaltyEvent
{
    [Id(0)] public required string TxnId { get; init; }
    [Id(1)] public string? LaneId { get; init; }
    /// <summary>Null for an anonymous basket.</summary>
    [Id(2)] public string? MemberId { get; init; }
    [Id(3)] public long Subtotal { get; init; }
    [Id(4)] public long DiscountTotal { get; init; }
    [Id(5)] public long Total { get; init; }
    [Id(6)] public long PointsEarned { get; init; }
    [Id(7)] public long PointsRedeemed { get; init; }
    [Id(8)] public long StoredValueSpent { get; init; }
    [Id(9)] public int CouponsRedeemed { get; init; }
    /// <summary>Net amount per top-level category (e.g. "食品" → 1234 fen).</summary>
    [Id(10)] public IReadOnlyDictionary<string, long> CategorySales { get; init; } = new Dictionary<string, long>();
    /// <summary>The member's tier after the transaction; null for an anonymous basket.</summary>
    [Id(11)] public string? TierAfter { get; init; }
    /// <summary>Set when the transaction moved the member to another tier.</summary>
    [Id(12)] public TierChange? TierChanged { get; init; }
}

namespace OrleansLoyalty.Contracts.Ledger;

/// <summary>
/// One movement of a member's points (<see cref="Points"/>) or of a card's stored value (<see cref="Amount"/>, fen).
/// Unique by (member, txnId, kind, card): appending the same entry twice has one effect.
/// </summary>
[GenerateSerializer, Immutable, Alias("ledger.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string TxnId,
    [property: Id(2)] string Kind,
    [property: Id(3)] long Points,
    [property: Id(4)] long Amount,
    [property: Id(5)] long BalanceAfter,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? StoreId,
    [property: Id(8)] string? CardNo);

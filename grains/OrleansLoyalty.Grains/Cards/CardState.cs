using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Cards;

[GenerateSerializer, Alias("state.Card")]
public sealed class CardState : IHasCompanions
{
    [Id(0)] public CardStatus Status { get; set; } = CardStatus.Unbound;
    [Id(1)] public string? MemberId { get; set; }
    [Id(2)] public string? Medium { get; set; }
    /// <summary>Stored value in fen.</summary>
    [Id(3)] public long Balance { get; set; }
    [Id(4)] public DateOnly? ExpiresOn { get; set; }
    [Id(5)] public string? ReplacedBy { get; set; }
    /// <summary>Balance on its way to the replacement card; re-sent on activation until the new card has it.</summary>
    [Id(6)] public long PendingTransfer { get; set; }
    /// <summary>Recent money movements by txnId, so a repeated request gets its first answer.</summary>
    [Id(7)] public List<CardMovement> RecentMovements { get; set; } = [];
    /// <summary>Legacy outbox: ledger entries of state written before they went in the same transaction (written on activation).</summary>
    [Id(8)] public List<LedgerEntry> PendingLedger { get; set; } = [];
    [Id(9)] public string? ReplacedFrom { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    /// <summary>Rows that go with the next write (not serialized).</summary>
    public StateCompanions Companions => _companions;
}

[GenerateSerializer, Alias("state.CardMovement")]
public sealed record CardMovement([property: Id(0)] string TxnId, [property: Id(1)] string Kind, [property: Id(2)] long Amount);

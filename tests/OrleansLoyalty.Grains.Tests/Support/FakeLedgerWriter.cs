using System.Collections.Concurrent;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Ledger;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The ledger table in memory, unique by (member, txnId, kind, card) like the SQL key: a re-sent outbox adds nothing.</summary>
public sealed class FakeLedgerWriter : ILedgerWriter
{
    private readonly ConcurrentDictionary<(string Member, string TxnId, string Kind, string Card), LedgerEntry> _entries = new();

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var e in entries)
        {
            _entries.TryAdd((e.MemberId, e.TxnId, e.Kind, e.CardNo ?? ""), e);
        }
        return Task.CompletedTask;
    }

    public IReadOnlyList<LedgerEntry> ForMember(string memberId) =>
        _entries.Values.Where(e => e.MemberId == memberId).OrderBy(e => e.At).ToList();

    public IReadOnlyList<LedgerEntry> ForCard(string cardNo) =>
        _entries.Values.Where(e => e.CardNo == cardNo).OrderBy(e => e.At).ToList();
}

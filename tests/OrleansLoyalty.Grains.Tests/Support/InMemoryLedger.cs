using System.Collections.Concurrent;
using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The ledger table in memory, unique by (member, txnId, kind, card) like the SQL key: the same entry twice is one entry.</summary>
public sealed class InMemoryLedger
{
    private readonly ConcurrentDictionary<(string Member, string TxnId, string Kind, string Card), LedgerEntry> _entries = new();

    public void Append(IEnumerable<LedgerEntry> entries)
    {
        foreach (var e in entries)
        {
            _entries.TryAdd((e.MemberId, e.TxnId, e.Kind, e.CardNo ?? ""), e);
        }
    }

    public IReadOnlyList<LedgerEntry> ForMember(string memberId) =>
        _entries.Values.Where(e => e.MemberId == memberId).OrderBy(e => e.At).ToList();

    public IReadOnlyList<LedgerEntry> ForCard(string cardNo) =>
        _entries.Values.Where(e => e.CardNo == cardNo).OrderBy(e => e.At).ToList();
}

using Npgsql;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Ledger;

/// <summary>
/// Writes ledger entries to PostgreSQL, skipping entries already present, so a grain may re-send its outbox after a
/// crash without doubling anything. Concurrent appends from many grains go in one statement (a group commit).
/// </summary>
public sealed class PostgresLedgerWriter : ILedgerWriter
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommit<IReadOnlyList<LedgerEntry>, bool> _appends;

    public PostgresLedgerWriter(NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options)
    {
        _dataSource = dataSource;
        _appends = new GroupCommit<IReadOnlyList<LedgerEntry>, bool>(AppendBatch, options.Value);
    }

    private const string Sql = """
        INSERT INTO ledger_entries (member_id, txn_id, kind, card_no, points, amount, balance_after, at, store_id)
        SELECT * FROM unnest(@member_ids, @txn_ids, @kinds, @card_nos, @points, @amounts, @balances, @ats, @store_ids)
        ON CONFLICT (member_id, txn_id, kind, card_no) DO NOTHING
        """;

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0 ? Task.CompletedTask : _appends.Submit(entries);

    private async Task<IReadOnlyList<bool>> AppendBatch(IReadOnlyList<IReadOnlyList<LedgerEntry>> appends)
    {
        var entries = appends.SelectMany(a => a).ToList();
        await using var command = _dataSource.CreateCommand(Sql);
        command.Parameters.Add(Array("member_ids", NpgsqlDbType.Text, entries, e => e.MemberId));
        command.Parameters.Add(Array("txn_ids", NpgsqlDbType.Text, entries, e => e.TxnId));
        command.Parameters.Add(Array("kinds", NpgsqlDbType.Text, entries, e => e.Kind));
        // card_no is part of the unique key, so "no card" is stored as '' rather than NULL.
        command.Parameters.Add(Array("card_nos", NpgsqlDbType.Text, entries, e => e.CardNo ?? ""));
        command.Parameters.Add(Array("points", NpgsqlDbType.Bigint, entries, e => e.Points));
        command.Parameters.Add(Array("amounts", NpgsqlDbType.Bigint, entries, e => e.Amount));
        command.Parameters.Add(Array("balances", NpgsqlDbType.Bigint, entries, e => e.BalanceAfter));
        command.Parameters.Add(Array("ats", NpgsqlDbType.TimestampTz, entries, e => e.At.UtcDateTime));
        command.Parameters.Add(Array("store_ids", NpgsqlDbType.Text, entries, e => e.StoreId));
        await command.ExecuteNonQueryAsync();
        return appends.Select(_ => true).ToList();
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IReadOnlyList<LedgerEntry> entries, Func<LedgerEntry, T> select) =>
        new(name, NpgsqlDbType.Array | type) { Value = entries.Select(select).ToArray() };
}

using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Ledger;

/// <summary>
/// Appends ledger entries inside the caller's transaction, skipping entries already present (unique by member,
/// txnId, kind and card), so the same movement written twice is one entry.
/// </summary>
public static class LedgerSql
{
    private const string Insert = """
        INSERT INTO ledger_entries (member_id, txn_id, kind, card_no, points, amount, balance_after, at, store_id)
        SELECT * FROM unnest(@member_ids, @txn_ids, @kinds, @card_nos, @points, @amounts, @balances, @ats, @store_ids)
        ON CONFLICT (member_id, txn_id, kind, card_no) DO NOTHING
        """;

    public static async Task Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<LedgerEntry> entries)
    {
        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.Add(UnnestColumns.Of("member_ids", NpgsqlDbType.Text, entries, e => e.MemberId));
        command.Parameters.Add(UnnestColumns.Of("txn_ids", NpgsqlDbType.Text, entries, e => e.TxnId));
        command.Parameters.Add(UnnestColumns.Of("kinds", NpgsqlDbType.Text, entries, e => e.Kind));
        // card_no is part of the unique key, so "no card" is stored as '' rather than NULL.
        command.Parameters.Add(UnnestColumns.Of("card_nos", NpgsqlDbType.Text, entries, e => e.CardNo ?? ""));
        command.Parameters.Add(UnnestColumns.Of("points", NpgsqlDbType.Bigint, entries, e => e.Points));
        command.Parameters.Add(UnnestColumns.Of("amounts", NpgsqlDbType.Bigint, entries, e => e.Amount));
        command.Parameters.Add(UnnestColumns.Of("balances", NpgsqlDbType.Bigint, entries, e => e.BalanceAfter));
        command.Parameters.Add(UnnestColumns.Of("ats", NpgsqlDbType.TimestampTz, entries, e => e.At.UtcDateTime));
        command.Parameters.Add(UnnestColumns.Of("store_ids", NpgsqlDbType.Text, entries, e => e.StoreId));
        await command.ExecuteNonQueryAsync();
    }
}

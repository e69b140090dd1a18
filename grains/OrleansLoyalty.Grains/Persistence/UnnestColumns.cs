using Npgsql;
using NpgsqlTypes;

namespace OrleansLoyalty.Grains.Persistence;

/// <summary>
/// One column of rows handed to PostgreSQL as an array, for <c>INSERT … SELECT * FROM unnest(@a, @b, …)</c>: a batch of
/// rows in one statement and one round trip (ledger entries, outbox messages).
/// </summary>
public static class UnnestColumns
{
    public static NpgsqlParameter Of<TRow, T>(string name, NpgsqlDbType type, IReadOnlyList<TRow> rows, Func<TRow, T> select) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(select).ToArray() };
}

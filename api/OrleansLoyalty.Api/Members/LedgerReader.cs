using Npgsql;

namespace OrleansLoyalty.Api.Members;

/// <summary>Reads a member's ledger from PostgreSQL, newest first, keyset-paged by entry id.</summary>
public sealed class LedgerReader(NpgsqlDataSource db)
{
    public async Task<LedgerPage> ReadAsync(string memberId, long? before, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, txn_id, kind, points, amount, balance_after, at, store_id, card_no
            FROM ledger_entries
            WHERE member_id = @m AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC
            LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("m", memberId);
        cmd.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)before ?? DBNull.Value);
        cmd.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<LedgerItem>();
        long lastId = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                return new LedgerPage(items, lastId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            lastId = r.GetInt64(0);
            var cardNo = r.GetString(8);
            items.Add(new LedgerItem(r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
                new DateTimeOffset(r.GetDateTime(6), TimeSpan.Zero), r.IsDBNull(7) ? null : r.GetString(7), cardNo.Length == 0 ? null : cardNo));
        }
        return new LedgerPage(items, null);
    }
}

/// <summary>One movement: <see cref="Points"/> for points kinds, <see cref="Amount"/> (fen) for stored value.</summary>
public sealed record LedgerItem(string TxnId, string Kind, long Points, long Amount, long BalanceAfter, DateTimeOffset At, string? StoreId, string? CardNo);

/// <summary>A page of the ledger; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerItem> Items, string? NextCursor);

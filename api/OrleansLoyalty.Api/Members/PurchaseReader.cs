using Npgsql;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// A member's committed sales and returns from <c>checkout_transactions</c>, newest first, keyset-paged by commit time
/// (index <c>checkout_transactions_member</c>, migration 0012). Figures are as the receipts print them: a return's
/// refund and the points it took back are negative.
/// </summary>
public sealed class PurchaseReader(NpgsqlDataSource db)
{
    public async Task<PurchasePage> ListAsync(string memberId, long? beforeMicros, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT c.txn_id, c.kind, c.store_id, s.name, c.lane_id, c.committed_at, c.total, c.points_earned, c.points_redeemed,
                   c.stored_value_spent, c.original_txn_id
            FROM checkout_transactions c LEFT JOIN stores s ON s.store_id = c.store_id
            WHERE c.member_id = @m AND c.status = 'committed'
              AND (@before::timestamptz IS NULL OR c.committed_at < @before)
            ORDER BY c.committed_at DESC
            LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("m", memberId);
        cmd.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.TimestampTz,
            beforeMicros is { } micros ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10) : DBNull.Value);
        cmd.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<PurchaseItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                var last = items[^1].CommittedAt;
                return new PurchasePage(items, ((last - DateTimeOffset.UnixEpoch).Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            items.Add(new PurchaseItem(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9),
                r.IsDBNull(10) ? null : r.GetString(10)));
        }
        return new PurchasePage(items, null);
    }

    /// <summary>
    /// The receipt of one of the member's committed sales (a <see cref="Receipt"/>) or returns (a <see cref="ReturnReceipt"/>),
    /// as it was printed; null when not theirs.
    /// </summary>
    public async Task<object?> ReceiptAsync(string memberId, string txnId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT kind, receipt::text FROM checkout_transactions WHERE txn_id = @t AND member_id = @m AND status = 'committed'
            """);
        cmd.Parameters.AddWithValue("t", txnId);
        cmd.Parameters.AddWithValue("m", memberId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }
        var json = r.GetString(1);
        return r.GetString(0) == "return" ? CheckoutJson.Deserialize<ReturnReceipt>(json) : CheckoutJson.Deserialize<Receipt>(json);
    }
}

/// <summary>One sale or return of the member: where, when, what it came to.</summary>
public sealed record PurchaseItem(string TxnId, string Kind, string StoreId, string? StoreName, string? LaneId, DateTimeOffset CommittedAt,
    long Total, long PointsEarned, long PointsRedeemed, long StoredValueSpent, string? OriginalTxnId);

/// <summary>A page of purchases; <see cref="Next"/> (the cursor for <c>before</c>) is null on the last page.</summary>
public sealed record PurchasePage(IReadOnlyList<PurchaseItem> Items, string? Next);

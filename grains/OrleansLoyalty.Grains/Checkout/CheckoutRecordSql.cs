using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Writes sales to <c>checkout_transactions</c> inside the caller's transaction: new rows for sales settled in one
/// write, planned rows, and completions for rows whose plan was recorded first. Each returns the txnIds it actually wrote; a
/// txnId that already has a live row (or whose planned row is no longer committing) is not written.
/// </summary>
public static class CheckoutRecordSql
{
    /// <summary>New committed rows; an aborted attempt of the same txnId is taken over, a live or committed one is not.</summary>
    public static async Task<HashSet<string>> Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<CheckoutRecord> records)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, receipt, return_basis,
                category_sales, committed_at, subtotal, discount_total, total, points_earned, points_redeemed, stored_value_spent,
                coupons_redeemed, tier_after)
            SELECT t, s, l, m, 'sale', 'committed', h, r, rb, cat::jsonb, at, sub, disc, tot, pe, pr, sv, cr, tier
            FROM unnest(@t, @s, @l, @m, @h, @r, @rb, @cat, @at, @sub, @disc, @tot, @pe, @pr, @sv, @cr, @tier)
                AS x(t, s, l, m, h, r, rb, cat, at, sub, disc, tot, pe, pr, sv, cr, tier)
            ON CONFLICT (txn_id) DO UPDATE SET status = 'committed', store_id = excluded.store_id, lane_id = excluded.lane_id,
                member_id = excluded.member_id, request_hash = excluded.request_hash, plan = NULL, receipt = excluded.receipt,
                return_basis = excluded.return_basis, category_sales = excluded.category_sales, committed_at = excluded.committed_at,
                subtotal = excluded.subtotal, discount_total = excluded.discount_total, total = excluded.total,
                points_earned = excluded.points_earned, points_redeemed = excluded.points_redeemed,
                stored_value_spent = excluded.stored_value_spent, coupons_redeemed = excluded.coupons_redeemed,
                tier_after = excluded.tier_after, updated_at = now()
              WHERE checkout_transactions.status = 'aborted' AND checkout_transactions.kind = 'sale'
            RETURNING txn_id
            """, connection, transaction);
        AddColumns(command, records);
        return await WrittenTxnIds(command);
    }

    /// <summary>Marks planned rows committed with their receipt; only rows still committing are touched.</summary>
    public static async Task<HashSet<string>> Complete(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<CheckoutRecord> records)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE checkout_transactions c SET status = 'committed', receipt = x.r, return_basis = x.rb, category_sales = x.cat::jsonb,
                subtotal = x.sub, discount_total = x.disc, total = x.tot, points_earned = x.pe, points_redeemed = x.pr,
                stored_value_spent = x.sv, coupons_redeemed = x.cr, tier_after = x.tier, updated_at = now()
            FROM unnest(@t, @s, @l, @m, @h, @r, @rb, @cat, @at, @sub, @disc, @tot, @pe, @pr, @sv, @cr, @tier)
                AS x(t, s, l, m, h, r, rb, cat, at, sub, disc, tot, pe, pr, sv, cr, tier)
            WHERE c.txn_id = x.t AND c.status = 'committing'
            RETURNING c.txn_id
            """, connection, transaction);
        AddColumns(command, records);
        return await WrittenTxnIds(command);
    }

    /// <summary>
    /// Planned rows, <c>committing</c> with their plan; an aborted attempt of the same txnId is taken over, a live or
    /// committed one is not.
    /// </summary>
    public static async Task<HashSet<string>> Begin(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<PlannedCheckoutRow> rows)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, plan, committed_at)
            SELECT t, s, l, m, 'sale', 'committing', h, p, at FROM unnest(@t, @s, @l, @m, @h, @p, @at) AS x(t, s, l, m, h, p, at)
            ON CONFLICT (txn_id) DO UPDATE SET status = 'committing', request_hash = excluded.request_hash, plan = excluded.plan,
                member_id = excluded.member_id, committed_at = excluded.committed_at, updated_at = now()
              WHERE checkout_transactions.status = 'aborted'
            RETURNING txn_id
            """, connection, transaction);
        command.Parameters.Add(Texts("t", rows.Select(r => r.TxnId)));
        command.Parameters.Add(Texts("s", rows.Select(r => r.StoreId)));
        command.Parameters.Add(Texts("l", rows.Select(r => r.LaneId)));
        command.Parameters.Add(Texts("m", rows.Select(r => r.MemberId)));
        command.Parameters.Add(Texts("h", rows.Select(r => r.RequestHash)));
        command.Parameters.Add(Texts("p", rows.Select(r => r.PlanJson)));
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.At.UtcDateTime).ToArray() });
        return await WrittenTxnIds(command);
    }

    /// <summary>
    /// Takes back rows written earlier in the same transaction whose state write then failed: new rows go (committed
    /// ones and planned ones alike), completed rows are committing again (as their plan left them), so the
    /// transaction records exactly the writes that held.
    /// </summary>
    public static async Task Revert(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<CheckoutRecord> records,
        IReadOnlyList<PlannedCheckoutRow> planned)
    {
        await using var command = new NpgsqlCommand("""
            DELETE FROM checkout_transactions WHERE txn_id = ANY(@inserted);
            UPDATE checkout_transactions SET status = 'committing', receipt = NULL, return_basis = NULL, category_sales = NULL,
                updated_at = now()
            WHERE txn_id = ANY(@completed);
            """, connection, transaction);
        command.Parameters.Add(Texts("inserted", records.Where(r => !r.CompletesPlannedRow).Select(r => r.TxnId).Concat(planned.Select(p => p.TxnId))));
        command.Parameters.Add(Texts("completed", records.Where(r => r.CompletesPlannedRow).Select(r => r.TxnId)));
        await command.ExecuteNonQueryAsync();
    }

    private static void AddColumns(NpgsqlCommand command, IReadOnlyList<CheckoutRecord> records)
    {
        command.Parameters.Add(Texts("t", records.Select(r => r.TxnId)));
        command.Parameters.Add(Texts("s", records.Select(r => r.StoreId)));
        command.Parameters.Add(Texts("l", records.Select(r => r.LaneId)));
        command.Parameters.Add(Texts("m", records.Select(r => r.MemberId)));
        command.Parameters.Add(Texts("h", records.Select(r => r.RequestHash)));
        command.Parameters.Add(Texts("r", records.Select(r => r.ReceiptJson)));
        command.Parameters.Add(Texts("rb", records.Select(r => r.ReturnBasisJson)));
        command.Parameters.Add(Texts("cat", records.Select(r => r.CategorySalesJson)));
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = records.Select(r => r.CommittedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(Longs("sub", records.Select(r => r.Subtotal)));
        command.Parameters.Add(Longs("disc", records.Select(r => r.DiscountTotal)));
        command.Parameters.Add(Longs("tot", records.Select(r => r.Total)));
        command.Parameters.Add(Longs("pe", records.Select(r => r.PointsEarned)));
        command.Parameters.Add(Longs("pr", records.Select(r => r.PointsRedeemed)));
        command.Parameters.Add(Longs("sv", records.Select(r => r.StoredValueSpent)));
        command.Parameters.Add(new NpgsqlParameter("cr", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = records.Select(r => r.CouponsRedeemed).ToArray() });
        command.Parameters.Add(Texts("tier", records.Select(r => r.TierAfter)));
    }

    private static async Task<HashSet<string>> WrittenTxnIds(NpgsqlCommand command)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            written.Add(reader.GetString(0));
        }
        return written;
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Longs(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };
}

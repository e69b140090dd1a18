using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

public sealed class PostgresCheckoutStore(NpgsqlDataSource db) : ICheckoutStore
{
    public async Task<bool> TryBegin(CheckoutPlan plan, string planJson)
    {
        // An aborted attempt may be tried again with the same txnId; a live or committed one may not.
        await using var cmd = db.CreateCommand("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, plan, committed_at)
            VALUES (@t, @s, @l, @m, 'sale', 'committing', @h, @p, @at)
            ON CONFLICT (txn_id) DO UPDATE SET status = 'committing', request_hash = excluded.request_hash, plan = excluded.plan,
                member_id = excluded.member_id, committed_at = excluded.committed_at, updated_at = now()
              WHERE checkout_transactions.status = 'aborted'
            """);
        cmd.Parameters.AddWithValue("t", plan.TxnId);
        cmd.Parameters.AddWithValue("s", plan.Basket.StoreId);
        cmd.Parameters.AddWithValue("l", plan.Basket.LaneId);
        cmd.Parameters.AddWithValue("m", (object?)plan.MemberId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("h", plan.RequestHash);
        cmd.Parameters.AddWithValue("p", NpgsqlDbType.Jsonb, planJson);
        cmd.Parameters.AddWithValue("at", plan.At);
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    public async Task<CheckoutRow?> Load(string txnId)
    {
        await using var cmd = db.CreateCommand("SELECT txn_id, status, request_hash, plan::text, receipt::text, kind FROM checkout_transactions WHERE txn_id = @t");
        cmd.Parameters.AddWithValue("t", txnId);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? Row(r) : null;
    }

    public async Task Complete(Receipt receipt, string receiptJson, string? memberId, long storedValueSpent, string categorySalesJson)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE checkout_transactions SET status = 'committed', receipt = @r, subtotal = @sub, discount_total = @disc, total = @tot,
                points_earned = @pe, points_redeemed = @pr, stored_value_spent = @sv, coupons_redeemed = @cr, tier_after = @tier,
                category_sales = @cat, updated_at = now()
            WHERE txn_id = @t
            """);
        cmd.Parameters.AddWithValue("t", receipt.TxnId);
        cmd.Parameters.AddWithValue("r", NpgsqlDbType.Jsonb, receiptJson);
        cmd.Parameters.AddWithValue("sub", receipt.Subtotal);
        cmd.Parameters.AddWithValue("disc", receipt.DiscountTotal);
        cmd.Parameters.AddWithValue("tot", receipt.Total);
        cmd.Parameters.AddWithValue("pe", receipt.PointsEarned);
        cmd.Parameters.AddWithValue("pr", receipt.PointsRedeemed);
        cmd.Parameters.AddWithValue("sv", storedValueSpent);
        cmd.Parameters.AddWithValue("cr", receipt.CouponsRedeemed.Length);
        cmd.Parameters.AddWithValue("tier", (object?)receipt.Tier ?? DBNull.Value);
        cmd.Parameters.AddWithValue("cat", NpgsqlDbType.Jsonb, categorySalesJson);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<bool> TryBeginReturn(ReturnPlan plan, string planJson)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, plan, committed_at, original_txn_id)
            VALUES (@t, @s, @l, @m, 'return', 'committing', @h, @p, @at, @o)
            ON CONFLICT (txn_id) DO UPDATE SET status = 'committing', request_hash = excluded.request_hash, plan = excluded.plan,
                committed_at = excluded.committed_at, updated_at = now()
              WHERE checkout_transactions.status = 'aborted' AND checkout_transactions.kind = 'return'
            """);
        cmd.Parameters.AddWithValue("t", plan.TxnId);
        cmd.Parameters.AddWithValue("s", plan.Request.StoreId);
        cmd.Parameters.AddWithValue("l", plan.Request.LaneId);
        cmd.Parameters.AddWithValue("m", (object?)plan.MemberId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("h", plan.RequestHash);
        cmd.Parameters.AddWithValue("p", NpgsqlDbType.Jsonb, planJson);
        cmd.Parameters.AddWithValue("at", plan.At);
        cmd.Parameters.AddWithValue("o", plan.OriginalTxnId);
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    public async Task CompleteReturn(ReturnReceipt receipt, string receiptJson, string? memberId)
    {
        // Negative figures, so a day's sums over sales and returns are net.
        await using var cmd = db.CreateCommand("""
            UPDATE checkout_transactions SET status = 'committed', receipt = @r, subtotal = @tot, total = @tot,
                points_earned = @pe, points_redeemed = @pr, stored_value_spent = @sv, tier_after = @tier, updated_at = now()
            WHERE txn_id = @t
            """);
        cmd.Parameters.AddWithValue("t", receipt.TxnId);
        cmd.Parameters.AddWithValue("r", NpgsqlDbType.Jsonb, receiptJson);
        cmd.Parameters.AddWithValue("tot", -receipt.Refund);
        cmd.Parameters.AddWithValue("pe", -receipt.PointsClawedBack);
        cmd.Parameters.AddWithValue("pr", -receipt.PointsGivenBack);
        cmd.Parameters.AddWithValue("sv", -receipt.StoredValueRefund);
        cmd.Parameters.AddWithValue("tier", (object?)receipt.Tier ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<CheckoutRow>> ReturnsOf(string originalTxnId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT txn_id, status, request_hash, plan::text, receipt::text, kind FROM checkout_transactions
            WHERE original_txn_id = @o AND kind = 'return'
            """);
        cmd.Parameters.AddWithValue("o", originalTxnId);
        var rows = new List<CheckoutRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(Row(r));
        }
        return rows;
    }

    private static CheckoutRow Row(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5));


    public async Task Abort(string txnId)
    {
        await using var cmd = db.CreateCommand("UPDATE checkout_transactions SET status = 'aborted', updated_at = now() WHERE txn_id = @t AND status = 'committing'");
        cmd.Parameters.AddWithValue("t", txnId);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string>> Unfinished(TimeSpan olderThan, int limit)
    {
        await using var cmd = db.CreateCommand("SELECT txn_id FROM checkout_transactions WHERE status = 'committing' AND updated_at < now() - @age ORDER BY updated_at LIMIT @n");
        cmd.Parameters.AddWithValue("age", olderThan);
        cmd.Parameters.AddWithValue("n", limit);
        var ids = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetString(0));
        }
        return ids;
    }
}

using Npgsql;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <remarks>
/// A sale's two writes (its plan, then its receipt) are the ones every checkout makes, so they go through group
/// commits: concurrent checkouts share one statement and one fsync. Returns, aborts and reads are rarer and go alone.
/// </remarks>
public sealed class PostgresCheckoutStore : ICheckoutStore
{
    private readonly NpgsqlDataSource _db;
    private readonly GroupCommit<SaleBegin, bool> _begins;
    private readonly GroupCommit<SaleCompletion, bool> _completions;

    public PostgresCheckoutStore(NpgsqlDataSource db, IOptions<GroupCommitOptions> options)
    {
        _db = db;
        _begins = new GroupCommit<SaleBegin, bool>(BeginBatch, options.Value);
        _completions = new GroupCommit<SaleCompletion, bool>(CompleteBatch, options.Value);
    }

    public Task<bool> TryBegin(CheckoutPlan plan, string planJson) => _begins.Submit(new SaleBegin(plan, planJson));

    public Task Complete(Receipt receipt, string receiptJson, string? memberId, long storedValueSpent, string categorySalesJson) =>
        _completions.Submit(new SaleCompletion(receipt, receiptJson, storedValueSpent, categorySalesJson));

    private async Task<IReadOnlyList<bool>> BeginBatch(IReadOnlyList<SaleBegin> batch)
    {
        // One txnId twice in a batch (two activations for a moment) would make ON CONFLICT DO UPDATE fail the whole
        // statement: only the first goes in; the other hears "in progress", as it would a moment later anyway.
        var first = batch.Select((b, i) => (b, i)).DistinctBy(x => x.b.Plan.TxnId, StringComparer.Ordinal).ToList();
        var plans = first.ConvertAll(x => x.b.Plan);
        // An aborted attempt may be tried again with the same txnId; a live or committed one may not.
        await using var cmd = _db.CreateCommand("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, plan, committed_at)
            SELECT t, s, l, m, 'sale', 'committing', h, p, at FROM unnest(@t, @s, @l, @m, @h, @p, @at) AS x(t, s, l, m, h, p, at)
            ON CONFLICT (txn_id) DO UPDATE SET status = 'committing', request_hash = excluded.request_hash, plan = excluded.plan,
                member_id = excluded.member_id, committed_at = excluded.committed_at, updated_at = now()
              WHERE checkout_transactions.status = 'aborted'
            RETURNING txn_id
            """);
        cmd.Parameters.Add(Texts("t", plans.ConvertAll(p => p.TxnId)));
        cmd.Parameters.Add(Texts("s", plans.ConvertAll(p => p.Basket.StoreId)));
        cmd.Parameters.Add(Texts("l", plans.ConvertAll(p => p.Basket.LaneId)));
        cmd.Parameters.Add(Texts("m", plans.ConvertAll(p => p.MemberId)));
        cmd.Parameters.Add(Texts("h", plans.ConvertAll(p => p.RequestHash)));
        cmd.Parameters.Add(Texts("p", first.ConvertAll(x => (string?)x.b.PlanJson)));
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = plans.ConvertAll(p => p.At.UtcDateTime).ToArray() });
        var begun = new HashSet<string>(StringComparer.Ordinal);
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                begun.Add(r.GetString(0));
            }
        }
        var results = new bool[batch.Count];
        foreach (var (_, i) in first)
        {
            results[i] = begun.Contains(batch[i].Plan.TxnId);
        }
        return results;
    }

    private async Task<IReadOnlyList<bool>> CompleteBatch(IReadOnlyList<SaleCompletion> batch)
    {
        await using var cmd = _db.CreateCommand("""
            UPDATE checkout_transactions c SET status = 'committed', receipt = x.r, subtotal = x.sub, discount_total = x.disc,
                total = x.tot, points_earned = x.pe, points_redeemed = x.pr, stored_value_spent = x.sv, coupons_redeemed = x.cr,
                tier_after = x.tier, category_sales = x.cat::jsonb, updated_at = now()
            FROM unnest(@t, @r, @sub, @disc, @tot, @pe, @pr, @sv, @cr, @tier, @cat) AS x(t, r, sub, disc, tot, pe, pr, sv, cr, tier, cat)
            WHERE c.txn_id = x.t
            """);
        var receipts = batch.Select(b => b.Receipt).ToList();
        cmd.Parameters.Add(Texts("t", receipts.ConvertAll(r => r.TxnId)));
        cmd.Parameters.Add(Texts("r", batch.Select(b => (string?)b.ReceiptJson).ToList()));
        cmd.Parameters.Add(Longs("sub", receipts.ConvertAll(r => r.Subtotal)));
        cmd.Parameters.Add(Longs("disc", receipts.ConvertAll(r => r.DiscountTotal)));
        cmd.Parameters.Add(Longs("tot", receipts.ConvertAll(r => r.Total)));
        cmd.Parameters.Add(Longs("pe", receipts.ConvertAll(r => r.PointsEarned)));
        cmd.Parameters.Add(Longs("pr", receipts.ConvertAll(r => r.PointsRedeemed)));
        cmd.Parameters.Add(Longs("sv", batch.Select(b => b.StoredValueSpent).ToList()));
        cmd.Parameters.Add(new NpgsqlParameter("cr", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = receipts.ConvertAll(r => r.CouponsRedeemed.Length).ToArray() });
        cmd.Parameters.Add(Texts("tier", receipts.ConvertAll(r => r.Tier)));
        cmd.Parameters.Add(Texts("cat", batch.Select(b => (string?)b.CategorySalesJson).ToList()));
        await cmd.ExecuteNonQueryAsync();
        return batch.Select(_ => true).ToList();
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Longs(string name, List<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };

    private sealed record SaleBegin(CheckoutPlan Plan, string PlanJson);

    private sealed record SaleCompletion(Receipt Receipt, string ReceiptJson, long StoredValueSpent, string CategorySalesJson);

    public async Task<CheckoutRow?> Load(string txnId)
    {
        await using var cmd = _db.CreateCommand("SELECT txn_id, status, request_hash, plan::text, receipt::text, kind FROM checkout_transactions WHERE txn_id = @t");
        cmd.Parameters.AddWithValue("t", txnId);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? Row(r) : null;
    }

    public async Task<bool> TryBeginReturn(ReturnPlan plan, string planJson)
    {
        await using var cmd = _db.CreateCommand("""
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
        cmd.Parameters.AddWithValue("p", planJson);
        cmd.Parameters.AddWithValue("at", plan.At);
        cmd.Parameters.AddWithValue("o", plan.OriginalTxnId);
        return await cmd.ExecuteNonQueryAsync() == 1;
    }

    public async Task CompleteReturn(ReturnReceipt receipt, string receiptJson, string? memberId)
    {
        // Negative figures, so a day's sums over sales and returns are net.
        await using var cmd = _db.CreateCommand("""
            UPDATE checkout_transactions SET status = 'committed', receipt = @r, subtotal = @tot, total = @tot,
                points_earned = @pe, points_redeemed = @pr, stored_value_spent = @sv, tier_after = @tier, updated_at = now()
            WHERE txn_id = @t
            """);
        cmd.Parameters.AddWithValue("t", receipt.TxnId);
        cmd.Parameters.AddWithValue("r", receiptJson);
        cmd.Parameters.AddWithValue("tot", -receipt.Refund);
        cmd.Parameters.AddWithValue("pe", -receipt.PointsClawedBack);
        cmd.Parameters.AddWithValue("pr", -receipt.PointsGivenBack);
        cmd.Parameters.AddWithValue("sv", -receipt.StoredValueRefund);
        cmd.Parameters.AddWithValue("tier", (object?)receipt.Tier ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<CheckoutRow>> ReturnsOf(string originalTxnId)
    {
        await using var cmd = _db.CreateCommand("""
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
        await using var cmd = _db.CreateCommand("UPDATE checkout_transactions SET status = 'aborted', updated_at = now() WHERE txn_id = @t AND status = 'committing'");
        cmd.Parameters.AddWithValue("t", txnId);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string>> Unfinished(TimeSpan olderThan, int limit)
    {
        await using var cmd = _db.CreateCommand("SELECT txn_id FROM checkout_transactions WHERE status = 'committing' AND updated_at < now() - @age ORDER BY updated_at LIMIT @n");
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

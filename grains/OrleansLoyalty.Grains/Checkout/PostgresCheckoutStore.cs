using Npgsql;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <remarks>
/// Most sales are recorded by their member's state write (see <see cref="Persistence.StateCompanions"/>); what comes
/// here is a planned sale's plan and completion, and an anonymous sale's record. Those go through group commits:
/// concurrent checkouts share one statement and one fsync. Returns, aborts and reads are rarer and go alone.
/// </remarks>
public sealed class PostgresCheckoutStore : ICheckoutStore
{
    private readonly NpgsqlDataSource _db;
    private readonly GroupCommit<PlannedCheckoutRow, bool> _begins;
    private readonly GroupCommit<CheckoutRecord, bool> _records;
    private readonly GroupCommit<CheckoutRecord, bool> _completions;

    public PostgresCheckoutStore(NpgsqlDataSource db, IOptions<GroupCommitOptions> options)
    {
        _db = db;
        _begins = new GroupCommit<PlannedCheckoutRow, bool>(BeginBatch, options.Value);
        _records = new GroupCommit<CheckoutRecord, bool>(RecordBatch, options.Value);
        _completions = new GroupCommit<CheckoutRecord, bool>(CompleteBatch, options.Value);
    }

    public Task<bool> TryBegin(PlannedCheckoutRow row) => _begins.Submit(row);

    public Task<bool> Record(CheckoutRecord record) => _records.Submit(record);

    public Task Complete(CheckoutRecord record) => _completions.Submit(record);

    private async Task<IReadOnlyList<bool>> BeginBatch(IReadOnlyList<PlannedCheckoutRow> batch)
    {
        // One txnId twice in a batch (two activations for a moment) would make ON CONFLICT DO UPDATE fail the whole
        // statement: only the first goes in; the other hears "in progress", as it would a moment later anyway.
        var first = batch.Select((b, i) => (b, i)).DistinctBy(x => x.b.TxnId, StringComparer.Ordinal).ToList();
        await using var connection = await _db.OpenConnectionAsync();
        var begun = await CheckoutRecordSql.Begin(connection, null, first.ConvertAll(x => x.b));
        var results = new bool[batch.Count];
        foreach (var (_, i) in first)
        {
            results[i] = begun.Contains(batch[i].TxnId);
        }
        return results;
    }

    private async Task<IReadOnlyList<bool>> RecordBatch(IReadOnlyList<CheckoutRecord> batch)
    {
        // One txnId twice in a batch: only the first goes in; the other hears "already recorded".
        var first = batch.Select((r, i) => (r, i)).DistinctBy(x => x.r.TxnId, StringComparer.Ordinal).ToList();
        await using var connection = await _db.OpenConnectionAsync();
        var written = await CheckoutRecordSql.Insert(connection, null, first.ConvertAll(x => x.r));
        var results = new bool[batch.Count];
        foreach (var (record, i) in first)
        {
            results[i] = written.Contains(record.TxnId);
        }
        return results;
    }

    private async Task<IReadOnlyList<bool>> CompleteBatch(IReadOnlyList<CheckoutRecord> batch)
    {
        await using var connection = await _db.OpenConnectionAsync();
        var written = await CheckoutRecordSql.Complete(connection, null, batch.DistinctBy(r => r.TxnId, StringComparer.Ordinal).ToList());
        return batch.Select(r => written.Contains(r.TxnId)).ToList();
    }

    public async Task<CheckoutRow?> Load(string txnId)
    {
        await using var cmd = _db.CreateCommand("SELECT txn_id, status, request_hash, plan, receipt, kind, return_basis FROM checkout_transactions WHERE txn_id = @t");
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

    public async Task CompleteReturn(ReturnReceipt receipt, string receiptJson, string? memberId, IReadOnlyDictionary<string, long> categoryRefunds)
    {
        // Negative figures, so a day's sums over sales and returns are net.
        await using var cmd = _db.CreateCommand("""
            UPDATE checkout_transactions SET status = 'committed', receipt = @r, subtotal = @tot, total = @tot,
                points_earned = @pe, points_redeemed = @pr, stored_value_spent = @sv, tier_after = @tier,
                category_sales = @cat::jsonb, updated_at = now()
            WHERE txn_id = @t
            """);
        cmd.Parameters.AddWithValue("cat", CheckoutJson.Serialize(categoryRefunds.ToDictionary(c => c.Key, c => -c.Value, StringComparer.Ordinal)));
        cmd.Parameters.AddWithValue("t", receipt.TxnId);
        cmd.Parameters.AddWithValue("r", receiptJson);
        cmd.Parameters.AddWithValue("tot", -receipt.Refund);
        cmd.Parameters.AddWithValue("pe", -receipt.PointsClawedBack);
        cmd.Parameters.AddWithValue("pr", -receipt.PointsGivenBack);
        cmd.Parameters.AddWithValue("sv", -receipt.StoredValueRefund);
        cmd.Parameters.AddWithValue("tier", (object?)receipt.Tier ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Served by the partial index <c>checkout_transactions_returns_of</c> (migration 0007).</summary>
    internal const string ReturnsOfSql = """
        SELECT txn_id, status, request_hash, plan, receipt, kind, return_basis FROM checkout_transactions
        WHERE original_txn_id = @o AND kind = 'return'
        """;

    public async Task<IReadOnlyList<CheckoutRow>> ReturnsOf(string originalTxnId)
    {
        await using var cmd = _db.CreateCommand(ReturnsOfSql);
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
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            r.IsDBNull(6) ? null : r.GetString(6));


    public async Task Abort(string txnId)
    {
        await using var cmd = _db.CreateCommand("UPDATE checkout_transactions SET status = 'aborted', updated_at = now() WHERE txn_id = @t AND status = 'committing'");
        cmd.Parameters.AddWithValue("t", txnId);
        await cmd.ExecuteNonQueryAsync();
    }

    // The window of sale times is found by the BRIN index on committed_at, which costs a commit next to nothing: an index
    // of the rows still holding a plan was measured to cost stored-value commits 11-13 % of their rate. updated_at is
    // left as it is: clearing a spent plan is no change to the sale.
    internal const string ForgetPlansSql = """
        UPDATE checkout_transactions SET plan = NULL
        WHERE txn_id IN (
            SELECT txn_id FROM checkout_transactions
            WHERE committed_at >= now() - @age - @span AND committed_at < now() - @age
              AND plan IS NOT NULL AND kind = 'sale'
              AND (status = 'aborted' OR (status = 'committed' AND return_basis IS NOT NULL))
            LIMIT @n)
        """;

    public async Task<int> ForgetPlans(TimeSpan olderThan, TimeSpan span, int limit)
    {
        await using var cmd = _db.CreateCommand(ForgetPlansSql);
        cmd.Parameters.AddWithValue("age", olderThan);
        cmd.Parameters.AddWithValue("span", span);
        cmd.Parameters.AddWithValue("n", limit);
        return await cmd.ExecuteNonQueryAsync();
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

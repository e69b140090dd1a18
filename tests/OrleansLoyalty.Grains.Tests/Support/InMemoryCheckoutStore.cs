using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>
/// <see cref="PostgresCheckoutStore"/>'s semantics in memory: TryBegin inserts, or re-arms an aborted row;
/// Complete marks committed whatever the status; Abort only moves a committing row; Unfinished uses the clock.
/// </summary>
public sealed class InMemoryCheckoutStore(TimeProvider clock) : ICheckoutStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (CheckoutRow Row, DateTimeOffset UpdatedAt)> _rows = new(StringComparer.Ordinal);

    public Task<bool> TryBegin(PlannedCheckoutRow row) => Task.FromResult(TryBeginRow(row));

    /// <summary>As the SQL does: a committing row with its plan, unless the txnId has a live one (an aborted one is taken over).</summary>
    public bool TryBeginRow(PlannedCheckoutRow row)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(row.TxnId, out var existing) && existing.Row.Status != CheckoutStatus.Aborted)
            {
                return false;
            }
            var receiptJson = existing.Row?.ReceiptJson;
            _rows[row.TxnId] = (new CheckoutRow(row.TxnId, CheckoutStatus.Committing, row.RequestHash, row.PlanJson, receiptJson), clock.GetUtcNow());
            return true;
        }
    }

    public Task<CheckoutRow?> Load(string txnId)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(txnId, out var r) ? r.Row : null);
        }
    }

    public Task<bool> Record(CheckoutRecord record) => Task.FromResult(TryRecord(record));

    public Task Complete(CheckoutRecord record)
    {
        TryRecord(record);
        return Task.CompletedTask;
    }

    /// <summary>
    /// As the SQL does: a new committed row unless the txnId has a live one (an aborted one is taken over), or the
    /// completion of a planned row that is still committing. False when nothing was written.
    /// </summary>
    public bool TryRecord(CheckoutRecord record)
    {
        lock (_gate)
        {
            var exists = _rows.TryGetValue(record.TxnId, out var existing);
            var writable = record.CompletesPlannedRow
                ? exists && existing.Row.Status == CheckoutStatus.Committing
                : !exists || (existing.Row.Status == CheckoutStatus.Aborted && existing.Row.Kind == CheckoutKinds.Sale);
            if (!writable)
            {
                return false;
            }
            _rows[record.TxnId] = (new CheckoutRow(record.TxnId, CheckoutStatus.Committed, record.RequestHash,
                record.CompletesPlannedRow ? existing.Row.PlanJson : null, record.ReceiptJson, CheckoutKinds.Sale, record.ReturnBasisJson), clock.GetUtcNow());
            return true;
        }
    }

    private readonly Dictionary<string, string> _originalOf = new(StringComparer.Ordinal);

    public Task<bool> TryBeginReturn(ReturnPlan plan, string planJson)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(plan.TxnId, out var existing) && (existing.Row.Status != CheckoutStatus.Aborted || existing.Row.Kind != CheckoutKinds.Return))
            {
                return Task.FromResult(false);
            }
            _rows[plan.TxnId] = (new CheckoutRow(plan.TxnId, CheckoutStatus.Committing, plan.RequestHash, planJson, null, CheckoutKinds.Return), clock.GetUtcNow());
            _originalOf[plan.TxnId] = plan.OriginalTxnId;
            return Task.FromResult(true);
        }
    }

    public Task CompleteReturn(ReturnReceipt receipt, string receiptJson, string? memberId, IReadOnlyDictionary<string, long> categoryRefunds)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(receipt.TxnId, out var r))
            {
                _rows[receipt.TxnId] = (r.Row with { Status = CheckoutStatus.Committed, ReceiptJson = receiptJson }, clock.GetUtcNow());
            }
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<CheckoutRow>> ReturnsOf(string originalTxnId)
    {
        lock (_gate)
        {
            IReadOnlyList<CheckoutRow> rows = _originalOf.Where(p => p.Value == originalTxnId).Select(p => _rows[p.Key].Row).ToList();
            return Task.FromResult(rows);
        }
    }

    public Task Abort(string txnId)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(txnId, out var r) && r.Row.Status == CheckoutStatus.Committing)
            {
                _rows[txnId] = (r.Row with { Status = CheckoutStatus.Aborted }, clock.GetUtcNow());
            }
            return Task.CompletedTask;
        }
    }

    public Task<int> ForgetPlans(TimeSpan olderThan, TimeSpan span, int limit)
    {
        lock (_gate)
        {
            var spent = _rows.Where(r => r.Value.Row is { Kind: CheckoutKinds.Sale, PlanJson: not null } row
                    && r.Value.UpdatedAt < clock.GetUtcNow() - olderThan && r.Value.UpdatedAt >= clock.GetUtcNow() - olderThan - span
                    && (row.Status == CheckoutStatus.Aborted || (row.Status == CheckoutStatus.Committed && row.ReturnBasisJson is not null)))
                .Take(limit).ToList();
            foreach (var (txnId, (row, updatedAt)) in spent)
            {
                _rows[txnId] = (row with { PlanJson = null }, updatedAt);
            }
            return Task.FromResult(spent.Count);
        }
    }

    public Task<IReadOnlyList<string>> Unfinished(TimeSpan olderThan, int limit)
    {
        lock (_gate)
        {
            var cutoff = clock.GetUtcNow() - olderThan;
            IReadOnlyList<string> ids = _rows.Values
                .Where(r => r.Row.Status == CheckoutStatus.Committing && r.UpdatedAt < cutoff)
                .OrderBy(r => r.UpdatedAt)
                .Take(limit)
                .Select(r => r.Row.TxnId)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    /// <summary>Puts a row in place as a crashed silo would have left it.</summary>
    public void Plant(CheckoutRow row)
    {
        lock (_gate)
        {
            _rows[row.TxnId] = (row, clock.GetUtcNow());
        }
    }

    public string? StatusOf(string txnId)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(txnId, out var r) ? r.Row.Status : null;
        }
    }
}

using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>The durable record of checkout transactions (the <c>checkout_transactions</c> table).</summary>
public interface ICheckoutStore
{
    /// <summary>Records a planned sale's row as <c>committing</c>; false when the txnId already has a live row.</summary>
    Task<bool> TryBegin(PlannedCheckoutRow row);

    Task<CheckoutRow?> Load(string txnId);

    /// <summary>Records a sale settled without a plan (an anonymous shopper's) as committed; false when the txnId already has a live row.</summary>
    Task<bool> Record(CheckoutRecord record);

    /// <summary>Marks a planned sale committed with its receipt (one whose member, if any, did not write it).</summary>
    Task Complete(CheckoutRecord record);

    Task Abort(string txnId);

    /// <summary>Records a return's plan as <c>committing</c>; false when its txnId already has a live row.</summary>
    Task<bool> TryBeginReturn(ReturnPlan plan, string planJson);

    /// <param name="categoryRefunds">The refund per top-level category, kept negative beside the sales' so a range sums net.</param>
    Task CompleteReturn(ReturnReceipt receipt, string receiptJson, string? memberId, IReadOnlyDictionary<string, long> categoryRefunds);

    /// <summary>Every return row (any status) of a purchase.</summary>
    Task<IReadOnlyList<CheckoutRow>> ReturnsOf(string originalTxnId);

    /// <summary>
    /// Clears the plan of up to <paramref name="limit"/> sales that no longer need it, made between
    /// <paramref name="olderThan"/> + <paramref name="span"/> and <paramref name="olderThan"/> ago (database clock):
    /// committed ones whose return basis has its own column, and aborted ones. Returns keep their plans (a later return
    /// reads what earlier ones took back), and so do sales still committing. How many.
    /// </summary>
    Task<int> ForgetPlans(TimeSpan olderThan, TimeSpan span, int limit);

    /// <summary>Transactions still <c>committing</c> whose row has not moved for <paramref name="olderThan"/> (database clock).</summary>
    Task<IReadOnlyList<string>> Unfinished(TimeSpan olderThan, int limit);
}

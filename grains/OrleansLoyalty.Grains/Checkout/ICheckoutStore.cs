using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>The durable record of checkout transactions (the <c>checkout_transactions</c> table).</summary>
public interface ICheckoutStore
{
    /// <summary>Records the plan as <c>committing</c>; false when the txnId already has a live row.</summary>
    Task<bool> TryBegin(CheckoutPlan plan, string planJson);

    Task<CheckoutRow?> Load(string txnId);

    Task Complete(Receipt receipt, string receiptJson, string? memberId, long storedValueSpent, string categorySalesJson);

    Task Abort(string txnId);

    /// <summary>Transactions still <c>committing</c> whose row has not moved for <paramref name="olderThan"/> (database clock).</summary>
    Task<IReadOnlyList<string>> Unfinished(TimeSpan olderThan, int limit);
}

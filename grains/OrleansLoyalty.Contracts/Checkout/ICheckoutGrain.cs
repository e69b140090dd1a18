namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// The orchestrator of one checkout transaction, keyed by the lane's txnId. It prices the basket, records
/// its plan durably, applies it to every grain involved (member, cards, coupons) and answers with the
/// receipt; after a crash it finishes or undoes the plan, so no transaction is ever left half-done.
/// </summary>
public interface ICheckoutGrain : IGrainWithStringKey
{
    /// <summary>Commits once; the same request again gets the same receipt, a different one <c>txn.conflict</c>.</summary>
    Task<Receipt> Commit(CommitRequest request);

    /// <summary>The receipt of a committed transaction, or null.</summary>
    Task<Receipt?> GetReceipt();

    /// <summary>
    /// Returns lines of this (committed) purchase. Returns of one purchase are serialized here, so two lanes
    /// can never together return more than was bought. Idempotent by the return's txnId.
    /// </summary>
    Task<ReturnReceipt> Return(ReturnRequest request);

    /// <summary>The receipt of a committed return, or null.</summary>
    Task<ReturnReceipt?> GetReturnReceipt(string returnTxnId);

    /// <summary>Finishes a return of this purchase that a crash left unfinished.</summary>
    Task ResumeReturn(string returnTxnId);

    /// <summary>Finishes or undoes an unfinished transaction (called by the recovery sweep).</summary>
    Task Recover();
}

using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// A commit in the caller's own process, for anything running in a silo (the co-hosted api, a lane grain), as
/// <see cref="Quoter"/> is for quotes. A sale its member alone settles (most sales of a day) needs no checkout grain:
/// the member's one durable write is the commit point and the txnId's claim (its row's unique key), and the member
/// grain recognises a repeat of the txnId. Such a sale is planned and settled here, and no activation per txnId is made
/// and kept for two minutes. So is a sale with several participants (stored value, counted public codes, budgets): its
/// plan is recorded (by the first card's debit when only cards take part) and carried out here, and after a crash the
/// txnId's <see cref="ICheckoutGrain"/> carries the recorded plan forward. That grain also answers every case where this
/// txnId was seen before (a retry, a reuse with another body, a refusal that an earlier attempt may explain) from the row.
/// </summary>
public sealed class Committer(IGrainFactory grains, SalePlanner planner, SaleSettlement settlement, ICheckoutStore store)
{
    public async Task<Receipt> Commit(CommitRequest request)
    {
        var txnId = request.TxnId;
        try
        {
            if (await settlement.Settle(await planner.Plan(txnId, request, planner.Fingerprint(request))) is { } receipt)
            {
                return receipt;
            }
        }
        catch (LoyaltyException)
        {
            // A refusal an earlier attempt of this txnId may explain (pricing again finds its coupon used, the member
            // knows the txnId for another sale): the grain answers from the row. Otherwise the refusal is the answer.
            if (!await WasRecorded(txnId))
            {
                throw;
            }
        }
        // A txnId already recorded, or an explained refusal: the txnId's own grain answers from the row.
        return await grains.GetGrain<ICheckoutGrain>(txnId).Commit(request);
    }

    private async Task<bool> WasRecorded(string txnId) => await store.Load(txnId) is { Status: not CheckoutStatus.Aborted };
}

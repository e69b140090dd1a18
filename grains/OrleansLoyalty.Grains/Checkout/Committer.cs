using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// A commit in the caller's own process, for anything running in a silo (the co-hosted api, a lane grain), as
/// <see cref="Quoter"/> is for quotes. A sale its member alone settles (most sales of a day) needs no checkout grain:
/// the member's one durable write is the commit point and the txnId's claim (its row's unique key), and the member
/// grain recognises a repeat of the txnId. Such a sale is planned and settled here, and no activation per txnId is made
/// and kept for two minutes. Everything else goes to the txnId's <see cref="ICheckoutGrain"/>: sales with several
/// participants (stored value, counted public codes, budgets), which it plans durably and carries forward after a crash,
/// and every case where this txnId was seen before (a retry, a reuse with another body, a refusal that an earlier
/// attempt may explain), which it answers from the row.
/// </summary>
public sealed class Committer(IGrainFactory grains, SalePlanner planner, SaleSettlement settlement, ICheckoutStore store)
{
    public async Task<Receipt> Commit(CommitRequest request)
    {
        var txnId = request.TxnId;
        CheckoutPlan plan;
        try
        {
            plan = await planner.Plan(txnId, request, planner.Fingerprint(request));
        }
        catch (LoyaltyException)
        {
            // Pricing again can refuse what was fine when it committed (its coupon is used now): the grain answers from the row.
            if (!await WasRecorded(txnId))
            {
                throw;
            }
            return await CheckoutGrain(txnId).Commit(request);
        }
        if (!plan.SettledInOneWrite)
        {
            return await CheckoutGrain(txnId).Commit(request);
        }
        Receipt? receipt;
        try
        {
            receipt = await settlement.SettleInOneWrite(plan);
        }
        catch (LoyaltyException)
        {
            // A txnId already recorded for another transaction, or a refusal an earlier attempt may explain.
            if (!await WasRecorded(txnId))
            {
                throw;
            }
            return await CheckoutGrain(txnId).Commit(request);
        }
        return receipt ?? await CheckoutGrain(txnId).Commit(request);
    }

    private ICheckoutGrain CheckoutGrain(string txnId) => grains.GetGrain<ICheckoutGrain>(txnId);

    private async Task<bool> WasRecorded(string txnId) => await store.Load(txnId) is { Status: not CheckoutStatus.Aborted };
}

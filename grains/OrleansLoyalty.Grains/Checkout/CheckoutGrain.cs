using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// One checkout, keyed by txnId. The api and the lanes commit through <see cref="Committer"/>, which settles a sale
/// only its member settles itself and sends everything else here: sales with several participants, and every
/// request whose txnId was seen before, answered from the row. A sale only its member settles (no stored value, no
/// counted public code, no campaign budget) is committed by the member's one durable write, which records the
/// sale's row with it. Any
/// other sale is planned: price → record the plan (committing) → redeem public codes and budgets → debit cards →
/// settle on the member, whose write completes the row (committed). A sale with cards but no codes or budgets records
/// its plan in the first card's debit instead of a write of its own. Every step is idempotent by txnId, so the
/// lane's retry, a second lane racing with the same txnId, and the recovery sweep after a crash all end in the
/// same single effect. A refusal on the way (no stored value left, a coupon already used) undoes the steps taken
/// and aborts.
/// </summary>
// One activation per transaction: kept briefly for the lane's retry or receipt read, then the row answers.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class CheckoutGrain(
    ICheckoutStore store,
    SalePlanner planner,
    SaleSettlement settlement,
    BasketPricer pricer,
    PersonalDataProtector protector,
    ILoyaltyEventPublisher events,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, ICheckoutGrain
{
    private Receipt? _receipt;
    private string? _requestHash;

    private string TxnId => this.GetPrimaryKeyString();

    public async Task<Receipt> Commit(CommitRequest request)
    {
        var hash = planner.Fingerprint(request);
        if (_receipt is not null)
        {
            return SameRequestOrConflict(hash, _requestHash!, _receipt);
        }
        Receipt? receipt;
        try
        {
            receipt = await settlement.Settle(await planner.Plan(TxnId, request, hash));
        }
        catch (LoyaltyException)
        {
            // A refusal an earlier attempt of this txnId may explain: pricing again refuses what was fine when it
            // committed (its coupon is used now, its card since reported lost), the first card already took this
            // txnId. Then that attempt's row answers, not the refusal.
            var existing = await Existing(hash);
            if (existing is null)
            {
                throw;
            }
            return existing;
        }
        // Null: the txnId was recorded already (an earlier attempt, or another request): its row decides.
        return receipt is null ? await Existing(hash) ?? throw InProgress() : Remember(hash, receipt);
    }

    /// <summary>The outcome of this txnId's earlier attempt, if one was recorded and not aborted.</summary>
    private async Task<Receipt?> Existing(string hash)
    {
        if (await store.Load(TxnId) is not { Status: not CheckoutStatus.Aborted } row)
        {
            return null;
        }
        if (row.RequestHash != hash)
        {
            throw Conflict();
        }
        return row.Status == CheckoutStatus.Committed
            ? Remember(hash, CheckoutJson.Deserialize<Receipt>(row.ReceiptJson!))
            : await Execute(CheckoutJson.Deserialize<CheckoutPlan>(row.PlanJson!));
    }

    public async Task<Receipt?> GetReceipt()
    {
        if (_receipt is null && await store.Load(TxnId) is { Status: CheckoutStatus.Committed } row)
        {
            Remember(row.RequestHash, CheckoutJson.Deserialize<Receipt>(row.ReceiptJson!));
        }
        return _receipt;
    }

    public async Task Recover()
    {
        if (_receipt is not null || await store.Load(TxnId) is not { Status: CheckoutStatus.Committing, PlanJson: { } json } row)
        {
            return;
        }
        if (row.Kind == CheckoutKinds.Return)
        {
            // A return is carried forward by its purchase's grain, which serializes that purchase's returns.
            var plan = CheckoutJson.Deserialize<ReturnPlan>(json);
            await GrainFactory.GetGrain<ICheckoutGrain>(plan.OriginalTxnId).ResumeReturn(TxnId);
            return;
        }
        try
        {
            await Execute(CheckoutJson.Deserialize<CheckoutPlan>(json));
        }
        catch (LoyaltyException)
        {
            // Undone and aborted: exactly what recovery is for.
        }
    }

    /// <summary>Carries a recorded plan out (<see cref="SaleSettlement.Apply"/>) and remembers its receipt.</summary>
    private async Task<Receipt> Execute(CheckoutPlan plan) =>
        await settlement.Apply(plan) is { } receipt
            ? Remember(plan.RequestHash, receipt)
            // Settled (and the row completed) by an earlier attempt whose answer was lost.
            : await Existing(plan.RequestHash) ?? throw InProgress();

    private Receipt Remember(string hash, Receipt receipt)
    {
        _requestHash = hash;
        _receipt = receipt;
        return receipt;
    }

    private static Receipt SameRequestOrConflict(string hash, string committedHash, Receipt receipt) =>
        hash == committedHash ? receipt : throw Conflict();

    private static LoyaltyException InProgress() =>
        new(ErrorCodes.TxnInProgress, "Retry with the same txnId.", 503);

    private static LoyaltyException Conflict() =>
        new(ErrorCodes.TxnConflict, "This txnId was already used for a different request.", 409);
}

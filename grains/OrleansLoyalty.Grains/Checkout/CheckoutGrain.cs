using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Campaigns;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Coupons;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Members;
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
        CheckoutPlan plan;
        try
        {
            plan = await planner.Plan(TxnId, request, hash);
        }
        catch (LoyaltyException)
        {
            // Pricing again can refuse what was fine when it committed (its coupon is used now, its card since
            // reported lost): a retry of a committed txnId gets its receipt from the row, not a refusal.
            var existing = await Existing(hash);
            if (existing is null)
            {
                throw;
            }
            return existing;
        }
        if (plan.SettledInOneWrite)
        {
            return await Settle(plan);
        }
        if (plan.BeginsWithFirstDebit)
        {
            return await BeginWithFirstDebit(plan);
        }
        if (await store.TryBegin(plan.Row()))
        {
            return await Execute(plan);
        }
        return await Existing(hash) ?? throw InProgress();
    }

    /// <summary>
    /// A sale paid from stored value, with no counted code or budget: the first card's debit records the plan in its own
    /// write, one durable write fewer than recording it first. Until that write nothing has happened, so a refusal there
    /// (not enough stored value, a lost card) leaves no row. A card that already debited this txnId, or a txnId that
    /// already has a live row, means an earlier attempt recorded its plan: that row decides.
    /// </summary>
    private async Task<Receipt> BeginWithFirstDebit(CheckoutPlan plan)
    {
        var first = plan.CardDebits[0];
        bool begun;
        try
        {
            begun = await GrainFactory.GetGrain<ICardGrain>(first.CardNo).DebitRecordingPlan(plan.Row(), first.Amount);
        }
        catch (LoyaltyException)
        {
            var existing = await Existing(plan.RequestHash);
            if (existing is null)
            {
                throw;
            }
            return existing;
        }
        return begun ? await Execute(plan) : await Existing(plan.RequestHash) ?? throw InProgress();
    }

    /// <summary>
    /// A sale with one participant: the member's write (or, for an anonymous shopper, the row's insert) is the commit
    /// point, and it either records the sale or refuses it whole. A refusal may mean an earlier attempt of this txnId
    /// committed (its coupon is used now): then that attempt's receipt is the answer.
    /// </summary>
    private async Task<Receipt> Settle(CheckoutPlan plan)
    {
        Receipt? receipt;
        try
        {
            receipt = await settlement.SettleInOneWrite(plan);
        }
        catch (LoyaltyException)
        {
            var existing = await Existing(plan.RequestHash);
            if (existing is null)
            {
                throw;
            }
            return existing;
        }
        return receipt is null
            ? await Existing(plan.RequestHash) ?? throw InProgress()
            : Remember(plan.RequestHash, receipt);
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

    private async Task<Receipt> Execute(CheckoutPlan plan)
    {
        var storeId = plan.Basket.StoreId;
        var storedValueSpent = plan.CardDebits.Sum(d => d.Amount);
        Receipt receipt;
        try
        {
            foreach (var code in plan.PublicCoupons ?? [])
            {
                await GrainFactory.GetGrain<IPublicCouponGrain>(code.ToUpperInvariant()).Redeem(TxnId);
            }
            foreach (var usage in plan.Budgets ?? [])
            {
                await GrainFactory.GetGrain<ICampaignBudgetGrain>(usage.CampaignId).Consume(TxnId, usage.Amount);
            }
            foreach (var debit in plan.CardDebits)
            {
                await GrainFactory.GetGrain<ICardGrain>(debit.CardNo).Debit(TxnId, debit.Amount, storeId);
            }
            // Drafted after the debits, so the receipt prints the cards' balances as they are now.
            var draft = SaleSettlement.Draft(plan, await settlement.StoredValueNow(plan));
            var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, storedValueSpent, CompletesPlannedRow: true);
            if (plan.MemberEffect is { } effect)
            {
                var outcome = await GrainFactory.GetGrain<IMemberGrain>(plan.MemberId!).CommitCheckout(effect, sale);
                if (outcome.Replayed)
                {
                    // Settled (and the row completed) by an earlier attempt whose answer was lost.
                    return await Existing(plan.RequestHash) ?? throw InProgress();
                }
                receipt = SaleReceipts.Settled(draft, outcome.Result);
            }
            else
            {
                receipt = draft;
                await store.Complete(CheckoutRecord.ForSale(receipt, sale));
            }
        }
        catch (LoyaltyException)
        {
            foreach (var debit in plan.CardDebits)
            {
                await GrainFactory.GetGrain<ICardGrain>(debit.CardNo).CancelDebit(TxnId, storeId);
            }
            foreach (var code in plan.PublicCoupons ?? [])
            {
                await GrainFactory.GetGrain<IPublicCouponGrain>(code.ToUpperInvariant()).Release(TxnId);
            }
            foreach (var usage in plan.Budgets ?? [])
            {
                await GrainFactory.GetGrain<ICampaignBudgetGrain>(usage.CampaignId).Release(TxnId);
            }
            await store.Abort(TxnId);
            throw;
        }
        await settlement.PublishSale(receipt, plan, storedValueSpent);
        settlement.RemindLowBalance(plan, receipt, storedValueSpent);
        return Remember(plan.RequestHash, receipt);
    }

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

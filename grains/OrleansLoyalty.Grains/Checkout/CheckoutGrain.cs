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
/// One checkout, keyed by txnId. A sale only its member settles (no stored value, no counted public code, no
/// campaign budget) is committed by the member's one durable write, which records the sale's row with it. Any
/// other sale is planned: price → record the plan (committing) → redeem public codes and budgets → debit cards →
/// settle on the member, whose write completes the row (committed). Every step is idempotent by txnId, so the
/// lane's retry, a second lane racing with the same txnId, and the recovery sweep after a crash all end in the
/// same single effect. A refusal on the way (no stored value left, a coupon already used) undoes the steps taken
/// and aborts.
/// </summary>
// One activation per transaction: kept briefly for the lane's retry or receipt read, then the row answers.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class CheckoutGrain(
    ICheckoutStore store,
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
        var hash = protector.Fingerprint(CheckoutJson.Canonical(request));
        if (_receipt is not null)
        {
            return SameRequestOrConflict(hash, _requestHash!, _receipt);
        }
        CheckoutPlan plan;
        try
        {
            plan = await Plan(request, hash);
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
        if (await store.TryBegin(plan, CheckoutJson.Serialize(plan)))
        {
            return await Execute(plan);
        }
        return await Existing(hash) ?? throw InProgress();
    }

    /// <summary>
    /// A sale with one participant: the member's write (or, for an anonymous shopper, the row's insert) is the commit
    /// point, and it either records the sale or refuses it whole. A refusal may mean an earlier attempt of this txnId
    /// committed (its coupon is used now): then that attempt's receipt is the answer.
    /// </summary>
    private async Task<Receipt> Settle(CheckoutPlan plan)
    {
        // Nothing of this sale touches a card, so the stored value read while planning is the receipt's.
        var draft = Draft(plan, plan.Quote.Member?.StoredValueBalance);
        var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, StoredValueSpent: 0, CompletesPlannedRow: false);
        Receipt receipt;
        if (plan.MemberEffect is { } effect)
        {
            MemberCheckoutOutcome outcome;
            try
            {
                outcome = await GrainFactory.GetGrain<IMemberGrain>(plan.MemberId!).CommitCheckout(effect, sale);
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
            if (outcome.Replayed)
            {
                return await Existing(plan.RequestHash) ?? throw InProgress();
            }
            receipt = SaleReceipts.Settled(draft, outcome.Result);
        }
        else
        {
            receipt = draft;
            if (!await store.Record(CheckoutRecord.ForSale(receipt, sale)))
            {
                return await Existing(plan.RequestHash) ?? throw InProgress();
            }
        }
        await PublishSale(receipt, plan, storedValueSpent: 0);
        return Remember(plan.RequestHash, receipt);
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

    private async Task<CheckoutPlan> Plan(CommitRequest request, string hash)
    {
        var basket = request.Basket;
        var shopper = await MemberResolver.Resolve(GrainFactory, basket.Member);
        var member = shopper?.View;
        var localNow = pricer.StoreLocalNow(basket.StoreId);
        var quote = pricer.Price(basket, shopper, localNow, TxnId);
        var tenders = request.Tenders.IsDefault ? [] : request.Tenders;
        if (tenders.Sum(t => t.Amount) != quote.Total)
        {
            throw new LoyaltyException(ErrorCodes.TendersMismatch,
                $"The tenders add up to {tenders.Sum(t => t.Amount)} fen but the total is {quote.Total} fen.", 422);
        }
        var debits = tenders.Where(t => t.Kind == TenderKinds.StoredValue)
            .GroupBy(t => t.CardNo!)
            .Select(g => new CardDebit(g.Key, g.Sum(t => t.Amount)))
            .ToImmutableArray();
        if (member is not null && debits.Any(d => !member.CardNos.Contains(d.CardNo)))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Stored value can only be paid from the shopper's own cards.", 403);
        }
        var effect = member is null
            ? null
            : new MemberCheckoutEffect(TxnId, basket.StoreId, clock.GetUtcNow(), DateOnly.FromDateTime(localNow.DateTime),
                SpendForTier: quote.Total, Visits: 1, quote.PointsToEarn, quote.PointsRedeemed, BasketPricer.MemberCouponsUsed(quote, member),
                pricer.CampaignsUsed(quote));
        // The plan is stored: keep who the member is, never how they were identified (a phone number).
        var storedBasket = member is null ? basket : basket with { Member = new MemberRef(null, member.Context.MemberId, null, null) };
        var couponsUsed = effect is null ? [] : member!.Context.Coupons.Where(c => effect.CouponsRedeemed.Contains(c.Code)).ToImmutableArray();
        // Codes that are not the member's own are public codes, counted cluster-wide by their own grains when limited;
        // budgets likewise. Unlimited ones keep no state, so they cost no call.
        var publicCoupons = quote.CouponsApplied
            .Where(code => (effect is null || !effect.CouponsRedeemed.Contains(code)) && pricer.IsCountedPublicCoupon(code)).ToList();
        var budgets = quote.CampaignUsages.IsDefault ? [] : quote.CampaignUsages.Where(u => u.Amount > 0 && pricer.HasBudget(u.CampaignId)).ToList();
        return new CheckoutPlan(TxnId, hash, storedBasket, tenders, quote, member?.Context.MemberId, effect, debits, clock.GetUtcNow(),
            couponsUsed, publicCoupons, budgets, member?.CardNos);
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
            var draft = Draft(plan, await StoredValueNow(plan));
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
        await PublishSale(receipt, plan, storedValueSpent);
        return Remember(plan.RequestHash, receipt);
    }

    /// <summary>The stored value on the member's active cards as they are now (null for an anonymous sale).</summary>
    private async Task<long?> StoredValueNow(CheckoutPlan plan)
    {
        if (plan.MemberId is not { } memberId)
        {
            return null;
        }
        // Plans stored before MemberCardNos existed ask the member which cards it holds.
        var cardNos = plan.MemberCardNos ?? (await GrainFactory.GetGrain<IMemberGrain>(memberId).GetPricingView())?.CardNos ?? [];
        return await MemberResolver.StoredValue(cardNos, alreadyRead: null, cardNo => GrainFactory.GetGrain<ICardGrain>(cardNo));
    }

    /// <summary>
    /// The receipt as the checkout knows it before the member settles: everything priced, the tenders, and the stored
    /// value left on the member's cards. The member's points and tier after the sale are filled in by
    /// <see cref="SaleReceipts.Settled"/>.
    /// </summary>
    private Receipt Draft(CheckoutPlan plan, long? storedValue)
    {
        var q = plan.Quote;
        var member = q.Member is { } shown && storedValue is { } balance ? shown with { StoredValueBalance = balance } : q.Member;
        return new Receipt(TxnId, plan.Basket.StoreId, plan.Basket.LaneId, plan.At, member, q.Lines, q.Discounts, q.RejectedCoupons,
            q.Subtotal, q.DiscountTotal, q.PointsRedeemed, q.PointsValue, q.Total, q.PointsToEarn, q.Messages, plan.Tenders,
            PointsEarned: 0,
            PointsBalance: null,
            StoredValueBalance: storedValue,
            Tier: null,
            TierChanged: null,
            CouponsRedeemed: q.CouponsApplied,
            CouponsIssued: []);
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

using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Campaigns;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Coupons;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// What happens to a planned sale: its receipt drafted, its one-write settlement on the member (or, for an anonymous
/// shopper, its row), the recording and carrying out of a sale with several participants, and its events for the
/// dashboards. Shared by the checkout grain and the in-process <see cref="Committer"/>, so both write and print the same.
/// </summary>
public sealed class SaleSettlement(IGrainFactory grains, ICheckoutStore store, BasketPricer pricer, ILoyaltyEventPublisher events,
    IOptions<NoticeOptions> noticeOptions)
{
    /// <summary>
    /// Settles a sale in the caller's process, by one write (<see cref="SettleInOneWrite"/>) or by recording its plan and
    /// carrying it out (<see cref="SettlePlanned"/>). Null: the txnId's row decides. A refusal throws.
    /// </summary>
    public Task<Receipt?> Settle(CheckoutPlan plan) => plan.SettledInOneWrite ? SettleInOneWrite(plan) : SettlePlanned(plan);

    /// <summary>
    /// Settles a sale its member alone settles (<see cref="CheckoutPlan.SettledInOneWrite"/>) with one durable write: the
    /// member's (which records the sale's row with its state), or the row's insert for an anonymous shopper. Null: the
    /// txnId is recorded already, by an earlier attempt or for another request, and the answer is in its row. A
    /// refusal (a coupon used meanwhile, points short) throws and changes nothing.
    /// </summary>
    private async Task<Receipt?> SettleInOneWrite(CheckoutPlan plan)
    {
        // Nothing of this sale touches a card, so the stored value read while planning is the receipt's.
        var draft = Draft(plan, plan.Quote.Member?.StoredValueBalance);
        var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, StoredValueSpent: 0, CompletesPlannedRow: false);
        if (await SettleOnMember(plan, draft, sale) is not { } receipt)
        {
            return null;
        }
        await PublishSale(receipt, plan, storedValueSpent: 0);
        return receipt;
    }

    /// <summary>
    /// Settles a planned sale (several participants: cards, counted codes, budgets) in the caller's process: records its
    /// plan (<see cref="Record"/>) and carries it out (<see cref="Apply"/>). Null: the txnId's row decides (an earlier
    /// attempt recorded it, or the member had settled it).
    /// </summary>
    public async Task<Receipt?> SettlePlanned(CheckoutPlan plan) => await Record(plan) ? await Apply(plan) : null;

    /// <summary>
    /// Records the plan as the txnId's row, <c>committing</c>: in the first card's debit when the sale's only other
    /// participants are cards (<see cref="CheckoutPlan.BeginsWithFirstDebit"/>: one durable write fewer, and a card's
    /// refusal leaves no row), otherwise as a write of its own before anything is taken. False: the txnId already has a
    /// live row, or that card already debited it (an earlier attempt recorded its plan).
    /// </summary>
    private async Task<bool> Record(CheckoutPlan plan)
    {
        if (!plan.BeginsWithFirstDebit)
        {
            return await store.TryBegin(plan.Row());
        }
        var first = plan.CardDebits[0];
        return await grains.GetGrain<ICardGrain>(first.CardNo).DebitRecordingPlan(plan.Row(), first.Amount);
    }

    /// <summary>
    /// Carries out a recorded plan: public codes, budgets, card debits, then the member's write that completes the row
    /// (<c>committed</c>). Every step is idempotent by txnId, so a retry, a second lane and the recovery sweep carry the
    /// same plan forward to the same single effect. A refusal undoes the steps taken, aborts the row and is rethrown.
    /// Null: the member had already settled this txnId (an earlier attempt whose answer was lost); its row has the receipt.
    /// </summary>
    public async Task<Receipt?> Apply(CheckoutPlan plan)
    {
        var txnId = plan.TxnId;
        var storeId = plan.Basket.StoreId;
        var storedValueSpent = plan.CardDebits.Sum(d => d.Amount);
        Receipt receipt;
        try
        {
            foreach (var code in plan.PublicCoupons ?? [])
            {
                await grains.GetGrain<IPublicCouponGrain>(code.ToUpperInvariant()).Redeem(txnId);
            }
            foreach (var usage in plan.Budgets ?? [])
            {
                await grains.GetGrain<ICampaignBudgetGrain>(usage.CampaignId).Consume(txnId, usage.Amount);
            }
            CardSnapshot? debited = null;
            foreach (var debit in plan.CardDebits)
            {
                // The card whose debit recorded the plan knows the txnId: a repeat, no second write.
                debited = await grains.GetGrain<ICardGrain>(debit.CardNo).Debit(txnId, debit.Amount, storeId);
            }
            // Drafted after the debits, so the receipt prints the cards' balances as they are now; the card just
            // debited answered with its own (most members have that one card), only the others are asked.
            var draft = Draft(plan, await StoredValueNow(plan.MemberId, plan.MemberCardNos, debited));
            var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, storedValueSpent, CompletesPlannedRow: true);
            if (await SettleOnMember(plan, draft, sale) is not { } settled)
            {
                return null;
            }
            receipt = settled;
        }
        catch (LoyaltyException)
        {
            foreach (var debit in plan.CardDebits)
            {
                await grains.GetGrain<ICardGrain>(debit.CardNo).CancelDebit(txnId, storeId);
            }
            foreach (var code in plan.PublicCoupons ?? [])
            {
                await grains.GetGrain<IPublicCouponGrain>(code.ToUpperInvariant()).Release(txnId);
            }
            foreach (var usage in plan.Budgets ?? [])
            {
                await grains.GetGrain<ICampaignBudgetGrain>(usage.CampaignId).Release(txnId);
            }
            await store.Abort(txnId);
            throw;
        }
        await PublishSale(receipt, plan, storedValueSpent);
        RemindLowBalance(plan, receipt, storedValueSpent);
        return receipt;
    }

    /// <summary>
    /// The sale's last, deciding write: the member's, which records the sale's row (or completes its planned row) with
    /// the member's state; for an anonymous shopper the row's own insert or completion. Null: the member had settled
    /// this txnId already, or the row was there already.
    /// </summary>
    private async Task<Receipt?> SettleOnMember(CheckoutPlan plan, Receipt draft, SaleDraft sale)
    {
        if (plan.MemberEffect is { } effect)
        {
            var outcome = await grains.GetGrain<IMemberGrain>(plan.MemberId!).CommitCheckout(effect, sale);
            return outcome.Replayed ? null : SaleReceipts.Settled(draft, outcome.Result);
        }
        var record = CheckoutRecord.ForSale(draft, sale);
        if (sale.CompletesPlannedRow)
        {
            await store.Complete(record);
            return draft;
        }
        return await store.Record(record) ? draft : null;
    }

    /// <summary>This sale took the member's stored value across the reminder threshold: the member is told (one-way).</summary>
    private void RemindLowBalance(CheckoutPlan plan, Receipt receipt, long storedValueSpent)
    {
        var threshold = noticeOptions.Value.LowBalance;
        if (plan.MemberId is { } memberId && storedValueSpent > 0 && receipt.StoredValueBalance is { } left
            && left < threshold && left + storedValueSpent >= threshold)
        {
            _ = grains.GetGrain<IMemberGrain>(memberId).RemindLowBalance(plan.TxnId, left);
        }
    }

    /// <summary>
    /// The stored value on a member's active cards as they are now, null for no member. <paramref name="cardNos"/>: the
    /// member's cards where the caller knows them (a plan keeps them); otherwise the member is asked.
    /// <paramref name="alreadyRead"/>: a card the caller has just heard from, not asked again.
    /// </summary>
    public async Task<long?> StoredValueNow(string? memberId, IReadOnlyList<string>? cardNos = null, CardSnapshot? alreadyRead = null)
    {
        if (memberId is null)
        {
            return null;
        }
        cardNos ??= (await grains.GetGrain<IMemberGrain>(memberId).GetPricingView())?.CardNos;
        return cardNos is null ? null : await MemberResolver.StoredValue(cardNos, alreadyRead, cardNo => grains.GetGrain<ICardGrain>(cardNo));
    }

    /// <summary>
    /// The receipt as the checkout knows it before the member settles: everything priced, the tenders, and the stored
    /// value left on the member's cards. The member's points and tier after the sale are filled in by
    /// <see cref="SaleReceipts.Settled"/>.
    /// </summary>
    public static Receipt Draft(CheckoutPlan plan, long? storedValue)
    {
        var q = plan.Quote;
        var member = q.Member is { } shown && storedValue is { } balance ? shown with { StoredValueBalance = balance } : q.Member;
        return new Receipt(plan.TxnId, plan.Basket.StoreId, plan.Basket.LaneId, plan.At, member, q.Lines, q.Discounts, q.RejectedCoupons,
            q.Subtotal, q.DiscountTotal, q.PointsRedeemed, q.PointsValue, q.Total, q.PointsToEarn, q.Messages, plan.Tenders,
            PointsEarned: 0,
            PointsBalance: null,
            StoredValueBalance: storedValue,
            Tier: null,
            TierChanged: null,
            CouponsRedeemed: q.CouponsApplied,
            CouponsIssued: []);
    }

    /// <summary>
    /// Tells the store's dashboard of a committed sale and of each coupon it redeemed (for the activity list: the
    /// count rides on the sale's own event, which a rebuild from the sale's row gives back), in order. Called after the
    /// durable write: a dashboard may miss an event (it rebuilds from PostgreSQL), the lane may not miss its answer.
    /// </summary>
    public async Task PublishSale(Receipt receipt, CheckoutPlan plan, long storedValueSpent)
    {
        await events.PublishAsync(LoyaltyEvents.Checkout(receipt, storedValueSpent));
        foreach (var code in receipt.CouponsRedeemed.IsDefault ? [] : receipt.CouponsRedeemed)
        {
            await events.PublishAsync(new CouponRedeemed
            {
                StoreId = receipt.StoreId,
                At = receipt.CommittedAt,
                TxnId = receipt.TxnId,
                TemplateId = plan.CouponsUsed?.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.TemplateId
                    ?? pricer.PublicCouponTemplateId(code) ?? code,
                MemberId = receipt.Member?.MemberId,
                LaneId = receipt.LaneId,
                Amount = receipt.Discounts.Where(d => string.Equals(d.RuleId, Discount.CouponRuleId(code), StringComparison.OrdinalIgnoreCase)).Sum(d => d.Amount),
            });
        }
    }
}

using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Members;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// What happens to a planned sale: its receipt drafted, its one-write settlement on the member (or, for an anonymous
/// shopper, its row), the settlement of a sale paid from stored value, and its events for the dashboards. Shared by the checkout grain and the in-process
/// <see cref="Committer"/>, so both write and print the same.
/// </summary>
public sealed class SaleSettlement(IGrainFactory grains, ICheckoutStore store, BasketPricer pricer, ILoyaltyEventPublisher events,
    IOptions<NoticeOptions> noticeOptions)
{
    /// <summary>
    /// Settles a sale its member alone settles (<see cref="CheckoutPlan.SettledInOneWrite"/>) with one durable write: the
    /// member's (which records the sale's row with its state), or the row's insert for an anonymous shopper. Null: the
    /// txnId is recorded already, by an earlier attempt or for another request, and the answer is in its row. A
    /// refusal (a coupon used meanwhile, points short) throws and changes nothing.
    /// </summary>
    public async Task<Receipt?> SettleInOneWrite(CheckoutPlan plan)
    {
        // Nothing of this sale touches a card, so the stored value read while planning is the receipt's.
        var draft = Draft(plan, plan.Quote.Member?.StoredValueBalance);
        var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, StoredValueSpent: 0, CompletesPlannedRow: false);
        Receipt receipt;
        if (plan.MemberEffect is { } effect)
        {
            var outcome = await grains.GetGrain<IMemberGrain>(plan.MemberId!).CommitCheckout(effect, sale);
            if (outcome.Replayed)
            {
                return null;
            }
            receipt = SaleReceipts.Settled(draft, outcome.Result);
        }
        else
        {
            receipt = draft;
            if (!await store.Record(CheckoutRecord.ForSale(receipt, sale)))
            {
                return null;
            }
        }
        await PublishSale(receipt, plan, storedValueSpent: 0);
        return receipt;
    }

    /// <summary>
    /// Settles a sale whose only participants besides its member are cards (<see cref="CheckoutPlan.BeginsWithFirstDebit"/>)
    /// without a checkout grain: the first card's debit records the plan (committing), the other cards are debited, and
    /// the member's write completes the row. Null: the txnId's row decides (an earlier attempt recorded it). A refusal
    /// before the first debit changes nothing; one after it is undone by the txnId's grain, as a crash would be, and
    /// reaches the caller unless that grain found the sale could be finished after all.
    /// </summary>
    public async Task<Receipt?> SettleWithCards(CheckoutPlan plan)
    {
        var first = plan.CardDebits[0];
        if (!await grains.GetGrain<ICardGrain>(first.CardNo).DebitRecordingPlan(plan.Row(), first.Amount))
        {
            return null;
        }
        var storedValueSpent = plan.CardDebits.Sum(d => d.Amount);
        Receipt receipt;
        try
        {
            foreach (var debit in plan.CardDebits.Skip(1))
            {
                await grains.GetGrain<ICardGrain>(debit.CardNo).Debit(plan.TxnId, debit.Amount, plan.Basket.StoreId);
            }
            // Drafted after the debits, so the receipt prints the cards' balances as they are now.
            var draft = Draft(plan, await StoredValueNow(plan));
            var sale = new SaleDraft(draft, plan.RequestHash, plan.ReturnBasis, storedValueSpent, CompletesPlannedRow: true);
            if (plan.MemberEffect is { } effect)
            {
                var outcome = await grains.GetGrain<IMemberGrain>(plan.MemberId!).CommitCheckout(effect, sale);
                if (outcome.Replayed)
                {
                    return null;
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
            var checkout = grains.GetGrain<ICheckoutGrain>(plan.TxnId);
            await checkout.Recover();
            if (await checkout.GetReceipt() is { } finished)
            {
                return finished;
            }
            throw;
        }
        await PublishSale(receipt, plan, storedValueSpent);
        RemindLowBalance(plan, receipt, storedValueSpent);
        return receipt;
    }

    /// <summary>This sale took the member's stored value across the reminder threshold: the member is told (one-way).</summary>
    public void RemindLowBalance(CheckoutPlan plan, Receipt receipt, long storedValueSpent)
    {
        var threshold = noticeOptions.Value.LowBalance;
        if (plan.MemberId is { } memberId && storedValueSpent > 0 && receipt.StoredValueBalance is { } left
            && left < threshold && left + storedValueSpent >= threshold)
        {
            _ = grains.GetGrain<IMemberGrain>(memberId).RemindLowBalance(plan.TxnId, left);
        }
    }

    /// <summary>The stored value on the member's active cards as they are now (null for an anonymous sale).</summary>
    public Task<long?> StoredValueNow(CheckoutPlan plan) => StoredValueNow(plan.MemberId, plan.MemberCardNos);

    /// <summary>
    /// The stored value on a member's active cards as they are now, null for no member. <paramref name="cardNos"/>: the
    /// member's cards where the caller knows them (a plan keeps them); otherwise the member is asked.
    /// </summary>
    public async Task<long?> StoredValueNow(string? memberId, IReadOnlyList<string>? cardNos = null)
    {
        if (memberId is null)
        {
            return null;
        }
        cardNos ??= (await grains.GetGrain<IMemberGrain>(memberId).GetPricingView())?.CardNos;
        return cardNos is null ? null : await MemberResolver.StoredValue(cardNos, alreadyRead: null, cardNo => grains.GetGrain<ICardGrain>(cardNo));
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

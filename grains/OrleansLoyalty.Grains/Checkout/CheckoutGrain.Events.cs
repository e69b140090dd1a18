using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Checkout;

public sealed partial class CheckoutGrain
{
    /// <summary>
    /// Tells the store's dashboard of a committed sale and of each coupon it redeemed (for the activity list: the
    /// count rides on the sale's own event, which a rebuild from the sale's row gives back), in one batch: the lane
    /// waits for one enqueue. Called after the durable write: a dashboard may miss an event (it rebuilds from
    /// PostgreSQL), the lane may not miss its answer.
    /// </summary>
    private Task PublishSale(Receipt receipt, CheckoutPlan plan, long storedValueSpent)
    {
        var sale = LoyaltyEvents.Checkout(receipt, storedValueSpent);
        if (receipt.CouponsRedeemed.IsDefaultOrEmpty)
        {
            return events.PublishAsync(sale);
        }
        var batch = new List<LoyaltyEvent>(1 + receipt.CouponsRedeemed.Length) { sale };
        foreach (var code in receipt.CouponsRedeemed)
        {
            batch.Add(new CouponRedeemed
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
        return events.PublishAsync(batch);
    }
}

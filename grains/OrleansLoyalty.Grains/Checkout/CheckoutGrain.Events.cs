using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Checkout;

public sealed partial class CheckoutGrain
{
    /// <summary>
    /// Tells the store's dashboard of a committed sale, and of each coupon it redeemed (for the activity list: the
    /// count rides on the sale's own event, which a rebuild from the sale's row gives back). Called after the durable
    /// write: a dashboard may miss an event (it rebuilds from PostgreSQL), the lane may not miss its answer.
    /// </summary>
    private async Task PublishSale(Receipt receipt, CheckoutPlan plan, long storedValueSpent)
    {
        await events.PublishAsync(LoyaltyEvents.Checkout(receipt, storedValueSpent));
        if (receipt.CouponsRedeemed.IsDefaultOrEmpty)
        {
            return;
        }
        var memberTemplates = (plan.CouponsUsed ?? []).ToDictionary(c => c.Code, c => c.TemplateId, StringComparer.OrdinalIgnoreCase);
        foreach (var code in receipt.CouponsRedeemed)
        {
            await events.PublishAsync(new CouponRedeemed
            {
                StoreId = receipt.StoreId,
                At = receipt.CommittedAt,
                TxnId = receipt.TxnId,
                TemplateId = memberTemplates.GetValueOrDefault(code) ?? pricer.PublicCouponTemplateId(code) ?? code,
                MemberId = receipt.Member?.MemberId,
                LaneId = receipt.LaneId,
                Amount = receipt.Discounts.Where(d => string.Equals(d.RuleId, "coupon:" + code, StringComparison.OrdinalIgnoreCase)).Sum(d => d.Amount),
            });
        }
    }
}

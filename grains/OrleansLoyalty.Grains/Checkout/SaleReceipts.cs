using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// The receipt of a sale from its draft and what the sale did to the member. The member grain (which records the
/// receipt with its own write) and the checkout grain (which answers the lane) both build it here, so the two agree.
/// </summary>
public static class SaleReceipts
{
    public static Receipt Settled(Receipt draft, MemberCheckoutResult? member) =>
        member is null
            ? draft
            : draft with
            {
                Member = draft.Member! with { PointsBalance = member.PointsBalance, Tier = member.TierAfter },
                PointsEarned = member.PointsEarned,
                PointsBalance = member.PointsBalance,
                Tier = member.TierAfter,
                TierChanged = member.TierBefore != member.TierAfter ? new TierChange(member.TierBefore, member.TierAfter) : null,
            };
}

namespace OrleansLoyalty.Contracts.Coupons;

/// <summary>
/// One public coupon code (a shared code any shopper may present), keyed by the code upper-cased. Counts
/// redemptions against the template's <c>MaxRedemptions</c> across every lane of every store, once per txnId.
/// </summary>
public interface IPublicCouponGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts one redemption for <paramref name="txnId"/>; a repeat of the same txnId is a no-op. Throws
    /// <c>LoyaltyException</c> <c>coupon.already_redeemed</c> when every redemption is taken and
    /// <c>coupon.unknown</c> when no public template has this code.
    /// </summary>
    Task Redeem(string txnId);

    /// <summary>Gives back the redemption of <paramref name="txnId"/> (undo, void, full return); unknown txnIds are a no-op.</summary>
    Task Release(string txnId);

    /// <summary>Redemptions left, or null when the code is unlimited.</summary>
    [AlwaysInterleave]
    Task<long?> Remaining();
}

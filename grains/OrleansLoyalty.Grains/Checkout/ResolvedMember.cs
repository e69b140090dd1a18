using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// The member a checkout identified: what pricing needs, and the stored value their active cards hold as they were
/// read, so that the lane's display and the quote can tell the cashier what the member could pay from their cards.
/// </summary>
public sealed record ResolvedMember(MemberPricingView View, long StoredValueBalance);

namespace OrleansLoyalty.Domain;

/// <summary>Everything needed to price a basket; the engine reads nothing else.</summary>
/// <param name="LocalTime">The STORE's local date and time: member day, birthdays, schedules and coupon dates use it.</param>
/// <param name="Member">Null for an anonymous basket (public promotions and public coupons only).</param>
/// <param name="CouponCodes">Codes presented: the member's own and public ones.</param>
/// <param name="RedeemPoints">Points the shopper asks to use; the engine may use fewer (step, balance, 50 % cap).</param>
/// <param name="RemainingCampaignBudgets">
/// campaignId → remaining budget (fen or points); a null value = unlimited. A budgeted campaign missing here
/// is assumed to have its whole <see cref="CampaignLimits.Budget"/> left.
/// </param>
/// <param name="RemainingPublicCouponRedemptions">public code → redemptions left; missing = the template's own limit.</param>
[GenerateSerializer, Immutable, Alias("domain.PricingRequest")]
public sealed record PricingRequest(
    [Id(0)] string StoreId,
    [Id(1)] string LaneId,
    [Id(2)] DateTimeOffset LocalTime,
    [Id(3)] MemberContext? Member,
    [Id(4)] ImmutableArray<BasketLine> Lines,
    [Id(5)] ImmutableArray<string> CouponCodes,
    [Id(6)] long RedeemPoints,
    [Id(7)] ImmutableDictionary<string, long?>? RemainingCampaignBudgets = null,
    [Id(8)] ImmutableDictionary<string, long>? RemainingPublicCouponRedemptions = null);

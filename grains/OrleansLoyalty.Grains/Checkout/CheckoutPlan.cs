using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Everything a checkout will do, decided before it does any of it and stored in its row, so that after a
/// crash the transaction is carried forward (or undone) exactly as it was priced.
/// </summary>
public sealed record CheckoutPlan(
    string TxnId,
    string RequestHash,
    CheckoutBasket Basket,
    ImmutableArray<Tender> Tenders,
    Quote Quote,
    string? MemberId,
    MemberCheckoutEffect? MemberEffect,
    ImmutableArray<CardDebit> CardDebits,
    DateTimeOffset At,
    IReadOnlyList<Coupon>? CouponsUsed = null,
    IReadOnlyList<string>? PublicCoupons = null,
    IReadOnlyList<CampaignUsage>? Budgets = null,
    IReadOnlyList<string>? MemberCardNos = null)
{
    /// <summary>
    /// Whether the member alone (or, for an anonymous shopper, the sale's row alone) settles it: no stored value to
    /// debit, no counted public coupon, no campaign budget. Such a sale is committed by one durable write and records
    /// no plan; any other is planned first so that a crash between its participants' writes can be finished or undone.
    /// </summary>
    [JsonIgnore]
    public bool SettledInOneWrite => CardDebits.IsDefaultOrEmpty && (PublicCoupons?.Count ?? 0) == 0 && (Budgets?.Count ?? 0) == 0;

    /// <summary>
    /// Whether the plan's row goes with the first card's debit instead of a write of its own: a sale whose only
    /// participants besides its member are cards. Counted codes and budgets are taken before any card is debited, so a
    /// sale with them records its plan first, or a crash after taking them would leave nothing to undo them by.
    /// </summary>
    [JsonIgnore]
    public bool BeginsWithFirstDebit => !CardDebits.IsDefaultOrEmpty && (PublicCoupons?.Count ?? 0) == 0 && (Budgets?.Count ?? 0) == 0;

    /// <summary>This plan's row as first recorded, committing.</summary>
    public PlannedCheckoutRow Row() => new(TxnId, Basket.StoreId, Basket.LaneId, MemberId, RequestHash, CheckoutJson.Serialize(this), At);

    [JsonIgnore]
    public ReturnBasis ReturnBasis => new(MemberId, MemberEffect?.LocalDate, CardDebits.IsDefault ? [] : CardDebits,
        CouponsUsed is null ? [] : [.. CouponsUsed]);
}

using System.Collections.Immutable;
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
    IReadOnlyList<string>? MemberCardNos = null);

public sealed record CardDebit(string CardNo, long Amount);

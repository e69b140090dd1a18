using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// What a later return of a sale needs beyond its receipt: whose sale it was, the store-local day it counted for in
/// the member's tier window, the cards it debited (refunds go back to them) and the member's coupons it used (restored
/// per the programme). Stored with the sale's row.
/// </summary>
[GenerateSerializer, Immutable, Alias("checkout.ReturnBasis")]
public sealed record ReturnBasis(
    [property: Id(0)] string? MemberId,
    [property: Id(1)] DateOnly? PurchaseDate,
    [property: Id(2)] ImmutableArray<CardDebit> CardDebits,
    [property: Id(3)] ImmutableArray<Coupon> CouponsUsed);

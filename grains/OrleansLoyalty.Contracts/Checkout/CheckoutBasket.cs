using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>A basket as a lane sends it for a quote (and, with txnId and tenders, for a commit).</summary>
[GenerateSerializer, Immutable, Alias("checkout.CheckoutBasket")]
public sealed record CheckoutBasket(
    [property: Id(0)] string StoreId,
    [property: Id(1)] string LaneId,
    [property: Id(2)] MemberRef? Member,
    [property: Id(3)] ImmutableArray<BasketLine> Lines,
    [property: Id(4)] ImmutableArray<string> Coupons,
    [property: Id(5)] long RedeemPoints);

using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>A basket priced offline. Money in fen.</summary>
public sealed record PricedBasket(
    ImmutableArray<LaneLine> Lines,
    ImmutableArray<LaneDiscount> Discounts,
    long Subtotal,
    long DiscountTotal,
    long Total);

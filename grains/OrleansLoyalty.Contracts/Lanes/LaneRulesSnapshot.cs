using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// The pricing rules a store's edge gateway needs to price baskets offline with the cluster's own
/// <see cref="PricingEngine"/>: the programme, the campaigns that can run in the store (not paused, not
/// ended, targeting it) and the public coupon templates. The catalog comes with <see cref="LaneCatalogSnapshot"/>.
/// </summary>
/// <param name="TimeZoneId">IANA zone of the store (the chain's when the store has none): schedules and member day use store-local time.</param>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneRulesSnapshot")]
public sealed record LaneRulesSnapshot
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public required DateTimeOffset AsOf { get; init; }
    [Id(2)] public required string TimeZoneId { get; init; }
    [Id(3)] public required Programme Programme { get; init; }
    [Id(4)] public ImmutableArray<Campaign> Campaigns { get; init; } = [];
    [Id(5)] public ImmutableArray<CouponTemplate> PublicCouponTemplates { get; init; } = [];
}

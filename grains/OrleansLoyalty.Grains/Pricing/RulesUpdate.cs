using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Grains.Pricing;

/// <summary>What changed, applied to <see cref="PricingEngines"/> in one atomic swap; null parts stay as they are.</summary>
/// <param name="Catalogs">Catalogs of the stores that changed (others are kept).</param>
/// <param name="Stores">Every store's settings (the whole set replaces the previous one).</param>
public sealed record RulesUpdate(
    Domain.Programme? Programme = null,
    IReadOnlyDictionary<string, Catalog>? Catalogs = null,
    IReadOnlyList<Campaign>? Campaigns = null,
    IReadOnlyList<CouponTemplate>? CouponTemplates = null,
    IReadOnlyList<StoreSettings>? Stores = null)
{
    public bool IsEmpty => Programme is null && Catalogs is null && Campaigns is null && CouponTemplates is null && Stores is null;
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Pricing;

/// <summary>
/// One consistent set of rules and the engines built from it. Immutable: a change builds a new snapshot
/// off the quote path and publishes it with one reference write.
/// </summary>
internal sealed class RulesSnapshot
{
    private RulesSnapshot(Domain.Programme programme, ImmutableDictionary<string, Catalog> catalogs, IReadOnlyList<Campaign> campaigns,
        IReadOnlyList<CouponTemplate> templates, FrozenDictionary<string, TimeZoneInfo> zones)
    {
        Programme = programme;
        Catalogs = catalogs;
        Campaigns = campaigns;
        Templates = templates;
        Zones = zones;
        Default = new PricingEngine(programme, Catalog.Empty, campaigns, templates);
        Engines = catalogs.ToFrozenDictionary(c => c.Key, c => new PricingEngine(programme, c.Value, campaigns, templates), StringComparer.Ordinal);
        CampaignsById = campaigns.GroupBy(c => c.CampaignId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public Domain.Programme Programme { get; }
    public ImmutableDictionary<string, Catalog> Catalogs { get; }
    public IReadOnlyList<Campaign> Campaigns { get; }
    public IReadOnlyList<CouponTemplate> Templates { get; }
    public FrozenDictionary<string, TimeZoneInfo> Zones { get; }
    public FrozenDictionary<string, Campaign> CampaignsById { get; }

    /// <summary>The engine of a store without a catalog: lines must bring their own prices.</summary>
    public PricingEngine Default { get; }
    public FrozenDictionary<string, PricingEngine> Engines { get; }

    public static RulesSnapshot Initial(Domain.Programme programme) =>
        new(programme, ImmutableDictionary.Create<string, Catalog>(StringComparer.Ordinal), [], [], FrozenDictionary<string, TimeZoneInfo>.Empty);

    public RulesSnapshot With(RulesUpdate update, Func<string, TimeZoneInfo?> findZone)
    {
        var catalogs = update.Catalogs is null ? Catalogs : Catalogs.SetItems(update.Catalogs);
        var zones = update.Stores is null
            ? Zones
            : update.Stores
                .Select(s => (s.StoreId, Zone: findZone(s.TimeZone)))
                .Where(s => s.Zone is not null)
                .ToFrozenDictionary(s => s.StoreId, s => s.Zone!, StringComparer.Ordinal);
        return new RulesSnapshot(update.Programme ?? Programme, catalogs, update.Campaigns ?? Campaigns, update.CouponTemplates ?? Templates, zones);
    }
}

using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Pricing;

/// <summary>
/// This silo's copy of the rules: one immutable pricing engine per store (each store has its own catalog),
/// the store settings and the programme. A change builds every engine anew on the caller's thread (the
/// replicator's, never a quote's) and publishes them with one reference write, so a quote reads a
/// consistent set without locks and never waits for a reload.
/// </summary>
public sealed class PricingEngines
{
    private readonly ProgrammeHolder _programme;
    private readonly Lock _writer = new();
    private volatile RulesSnapshot _rules;

    public PricingEngines(ProgrammeHolder programme)
    {
        _programme = programme;
        _rules = RulesSnapshot.Initial(programme.Current);
    }

    public PricingEngine For(string storeId)
    {
        var rules = _rules;
        return rules.Engines.TryGetValue(storeId, out var engine) ? engine : rules.Default;
    }

    public Catalog CatalogOf(string storeId) => _rules.Catalogs.GetValueOrDefault(storeId) ?? Catalog.Empty;

    /// <summary>The store's time zone as set with <c>PUT /stores/{storeId}</c>, or null (the chain's applies).</summary>
    public TimeZoneInfo? TimeZoneOf(string storeId) => _rules.Zones.GetValueOrDefault(storeId);

    /// <summary>The campaign with this id as this silo knows it (paused ones included), or null.</summary>
    public Campaign? FindCampaign(string campaignId) => _rules.CampaignsById.GetValueOrDefault(campaignId);

    /// <summary>The public template whose shared code is <paramref name="code"/> (case-insensitive), or null.</summary>
    public CouponTemplate? FindPublicCoupon(string code) => _rules.Default.FindPublicCoupon(code);

    public IReadOnlyList<Campaign> Campaigns => _rules.Campaigns;

    public IReadOnlyList<CouponTemplate> CouponTemplates => _rules.Templates;

    /// <summary>Applies a change atomically: every engine is rebuilt before any quote can see it.</summary>
    public void Apply(RulesUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_writer)
        {
            var next = _rules.With(update, FindZone);
            // The programme first: a grain that reads it (earning, expiry) and then prices sees the new rules
            // or, for a moment, old engines with the new programme — never a mix inside one engine.
            _programme.Replace(next.Programme);
            _rules = next;
        }
    }

    public void ReplaceCatalog(string storeId, Catalog catalog) => Apply(new RulesUpdate(Catalogs: new Dictionary<string, Catalog> { [storeId] = catalog }));

    public void ReplaceCampaigns(IReadOnlyList<Campaign> campaigns) => Apply(new RulesUpdate(Campaigns: campaigns));

    public void ReplaceCouponTemplates(IReadOnlyList<CouponTemplate> templates) => Apply(new RulesUpdate(CouponTemplates: templates));

    private static TimeZoneInfo? FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}

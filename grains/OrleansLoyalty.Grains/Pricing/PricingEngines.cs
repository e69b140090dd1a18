using System.Collections.Concurrent;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Pricing;

/// <summary>
/// This silo's pricing engines, one per store (each store has its own catalog). An engine is immutable and
/// built once per change of the rules, so a quote reads it without locks and never waits for a reload.
/// </summary>
public sealed class PricingEngines(IProgrammeSource programme)
{
    private readonly ConcurrentDictionary<string, Catalog> _catalogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Domain.Programme Programme, int Version, PricingEngine Engine)> _engines = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<Campaign> _campaigns = [];
    private volatile IReadOnlyList<CouponTemplate> _templates = [];
    private int _version;

    public PricingEngine For(string storeId)
    {
        var current = programme.Current;
        var version = Volatile.Read(ref _version);
        if (_engines.TryGetValue(storeId, out var cached) && ReferenceEquals(cached.Programme, current) && cached.Version == version)
        {
            return cached.Engine;
        }
        var engine = new PricingEngine(current, _catalogs.GetValueOrDefault(storeId) ?? Catalog.Empty, _campaigns, _templates);
        _engines[storeId] = (current, version, engine);
        return engine;
    }

    public Catalog CatalogOf(string storeId) => _catalogs.GetValueOrDefault(storeId) ?? Catalog.Empty;

    public void ReplaceCatalog(string storeId, Catalog catalog)
    {
        _catalogs[storeId] = catalog;
        Interlocked.Increment(ref _version);
    }

    public void ReplaceCampaigns(IReadOnlyList<Campaign> campaigns)
    {
        _campaigns = campaigns;
        Interlocked.Increment(ref _version);
    }

    public void ReplaceCouponTemplates(IReadOnlyList<CouponTemplate> templates)
    {
        _templates = templates;
        Interlocked.Increment(ref _version);
    }
}

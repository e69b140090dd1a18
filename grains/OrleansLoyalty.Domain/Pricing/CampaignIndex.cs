using System.Collections.Frozen;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Campaigns sorted by precedence (priority descending, then id) and indexed by SKU, by category path and
/// "every line", once at load, so a quote only looks at the campaigns that can touch its lines. Paused campaigns
/// are listed but not indexed: they never act.
/// </summary>
internal sealed class CampaignIndex
{
    private readonly FrozenDictionary<string, int[]> _bySku;
    private readonly FrozenDictionary<string, int[]> _byCategoryKey;
    private readonly int[] _everyLine;

    public CampaignIndex(IEnumerable<Campaign> campaigns)
    {
        var all = campaigns.Where(campaign => campaign is not null).ToList();
        // A broken campaign must not break every quote: it is left out and reported.
        Rejected = [.. all.Where(campaign => CampaignValidator.Validate(campaign).Count > 0).Select(campaign => campaign.CampaignId ?? "")];
        Campaigns = [.. all
            .Where(campaign => CampaignValidator.Validate(campaign).Count == 0)
            .OrderByDescending(campaign => campaign.Stacking?.Priority ?? 0)
            .ThenBy(campaign => campaign.CampaignId, StringComparer.Ordinal)];
        Rules = [.. Campaigns.Select(campaign => new CampaignRule(campaign))];
        var bySku = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var everyLine = new List<int>();
        for (var i = 0; i < Campaigns.Length; i++)
        {
            if (Campaigns[i].Paused)
            {
                continue;
            }
            var target = Campaigns[i].Target ?? CampaignTarget.Everything;
            if (target.TargetsEveryLine)
            {
                everyLine.Add(i);
                continue;
            }
            if (!target.Skus.IsDefaultOrEmpty)
            {
                foreach (var sku in target.Skus.Distinct(StringComparer.Ordinal))
                {
                    Add(bySku, sku, i);
                }
            }
            if (!target.CategoryPath.IsDefaultOrEmpty)
            {
                Add(byCategory, CategoryPaths.Key(target.CategoryPath), i);
            }
        }
        // Campaigns are visited in index order, so every list is ascending and distinct.
        _bySku = bySku.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _byCategoryKey = byCategory.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _everyLine = [.. everyLine];
    }

    /// <summary>Ids of campaigns left out because <see cref="CampaignValidator"/> refuses them.</summary>
    public ImmutableArray<string> Rejected { get; }

    /// <summary>In precedence order: index 0 goes first.</summary>
    public ImmutableArray<Campaign> Campaigns { get; }

    /// <summary>What a quote reads of each campaign, indexed like <see cref="Campaigns"/>.</summary>
    public CampaignRule[] Rules { get; }

    /// <summary>Campaign indexes (ascending, distinct) targeting every line or one of these category prefix keys.</summary>
    public int[] ForCategory(ImmutableArray<string> categoryKeys)
    {
        var found = new List<int>(_everyLine);
        foreach (var key in categoryKeys)
        {
            if (_byCategoryKey.TryGetValue(key, out var forCategory))
            {
                found.AddRange(forCategory);
            }
        }
        found.Sort();
        return [.. found.Distinct()];
    }

    /// <summary>Campaign indexes (ascending, distinct) whose target lists this SKU.</summary>
    public ReadOnlySpan<int> ForSku(string sku) => _bySku.TryGetValue(sku, out var forSku) ? forSku : [];

    private static void Add(Dictionary<string, List<int>> index, string key, int campaign)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(campaign);
    }
}

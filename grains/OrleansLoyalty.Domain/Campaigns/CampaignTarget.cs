namespace OrleansLoyalty.Domain;

/// <summary>
/// Who and what a campaign is for. Empty <see cref="Tiers"/> = everyone, anonymous shoppers included;
/// empty <see cref="StoreIds"/> = every store. Lines: those under <see cref="CategoryPath"/> (prefix match)
/// or with a SKU in <see cref="Skus"/>; both empty = every line. <see cref="Segments"/>: the purchase-analysis
/// segments it is for; empty = every shopper, and a campaign with segments never runs for an anonymous shopper.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.CampaignTarget")]
public sealed record CampaignTarget(
    [Id(0)] ImmutableArray<string> Tiers,
    [Id(1)] ImmutableArray<string> StoreIds,
    [Id(2)] ImmutableArray<string> CategoryPath,
    [Id(3)] ImmutableArray<string> Skus)
{
    public static CampaignTarget Everything { get; } = new([], [], [], []);

    /// <summary>Segments of <see cref="Segment"/>: the member's segment in the last nightly analysis must be one of them.</summary>
    [Id(4)] public ImmutableArray<string> Segments { get; init; } = [];

    public bool TargetsEveryLine => CategoryPath.IsDefaultOrEmpty && Skus.IsDefaultOrEmpty;

    public bool MatchesLine(string sku, ImmutableArray<string> categoryPath) =>
        TargetsEveryLine
        || (!Skus.IsDefaultOrEmpty && Skus.Contains(sku, StringComparer.Ordinal))
        || CategoryPaths.IsUnder(categoryPath, CategoryPath);
}

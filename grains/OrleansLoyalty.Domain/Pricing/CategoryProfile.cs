namespace OrleansLoyalty.Domain;

/// <summary>
/// What pricing needs to know about a category path, worked out once per path when the engine is built rather than
/// per line of every quote: which campaigns may reach its lines and whether they get discounts and earn points.
/// </summary>
/// <param name="Campaigns">
/// Campaign indexes (precedence order, ascending, distinct) that target the path or one of its prefixes, or every
/// line. Paused campaigns are left out. Campaigns targeting SKUs are looked up per line.
/// </param>
/// <param name="Discountable">False under the programme's <c>NotDiscountableCategories</c> (tobacco, infant formula, top-ups).</param>
/// <param name="Earnable">False under <c>Earning.ExcludedCategories</c>.</param>
internal sealed record CategoryProfile(int[] Campaigns, bool Discountable, bool Earnable)
{
    public static CategoryProfile For(ImmutableArray<string> path, ImmutableArray<string> prefixKeys, CampaignIndex campaigns, Programme programme) =>
        new(campaigns.ForCategory(prefixKeys),
            Discountable: !CategoryPaths.IsUnderAny(path, programme.NotDiscountableCategories),
            Earnable: !CategoryPaths.IsUnderAny(path, programme.Earning?.ExcludedCategories ?? []));
}

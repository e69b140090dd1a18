using System.Collections.Frozen;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Prices baskets. Built once from the programme, a store's catalog, the active campaigns and the coupon
/// templates (indexes are made here, not per quote); immutable afterwards, so one instance serves any
/// number of concurrent <see cref="Price"/> calls. No I/O, no clock: the store-local time comes in the request.
/// The order of application is documented in docs/pricing.md.
/// </summary>
public sealed class PricingEngine
{
    private readonly FrozenDictionary<string, CouponRule> _templates;
    private readonly FrozenDictionary<string, CouponRule> _publicCoupons;

    /// <summary>Per <see cref="Catalog.Categories"/> node: its campaigns and discount and earning rules.</summary>
    private readonly CategoryProfile[] _categoryProfiles;

    /// <summary>The facts of the empty path: an item the catalog lacks, brought without a category.</summary>
    private readonly CategoryProfile _noCategory;

    public PricingEngine(
        Programme programme,
        Catalog catalog,
        IEnumerable<Campaign> campaigns,
        IEnumerable<CouponTemplate> couponTemplates)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(couponTemplates);
        Programme = programme;
        Catalog = catalog;
        CampaignIndex = new CampaignIndex(campaigns);
        _categoryProfiles = [.. catalog.Categories.Select(node => CategoryProfile.For(node.Path, node.PrefixKeys, CampaignIndex, programme))];
        _noCategory = CategoryProfile.For([], [], CampaignIndex, programme);
        MemberDiscounts = new MemberDiscountLabels(programme);
        var templates = new Dictionary<string, CouponRule>(StringComparer.Ordinal);
        var publicCoupons = new Dictionary<string, CouponRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in GiftTemplates(programme).Concat(couponTemplates))
        {
            if (template is null)
            {
                continue;
            }
            var rule = new CouponRule(template);
            templates[template.TemplateId] = rule;
            if (template.Public && !string.IsNullOrWhiteSpace(template.Code))
            {
                publicCoupons[template.Code] = rule;
            }
        }
        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
        _publicCoupons = publicCoupons.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public Programme Programme { get; }

    public Catalog Catalog { get; }

    /// <summary>The campaigns, in precedence order (priority descending, then campaign id).</summary>
    public ImmutableArray<Campaign> Campaigns => CampaignIndex.Campaigns;

    /// <summary>Ids of campaigns the engine left out because they are invalid (log them).</summary>
    public ImmutableArray<string> RejectedCampaignIds => CampaignIndex.Rejected;

    internal CampaignIndex CampaignIndex { get; }

    /// <summary>The tier and member-day discounts' rule ids and labels, made once.</summary>
    internal MemberDiscountLabels MemberDiscounts { get; }

    /// <summary>A template by id (the programme's gift coupon templates included).</summary>
    public CouponTemplate? FindTemplate(string templateId) => FindTemplateRule(templateId)?.Template;

    /// <summary>The public template whose shared code is <paramref name="code"/> (case-insensitive).</summary>
    public CouponTemplate? FindPublicCoupon(string code) => FindPublicCouponRule(code)?.Template;

    internal CouponRule? FindTemplateRule(string templateId) =>
        _templates.TryGetValue(templateId, out var rule) ? rule : null;

    internal CouponRule? FindPublicCouponRule(string code) =>
        _publicCoupons.TryGetValue(code, out var rule) ? rule : null;

    /// <summary>The facts of a catalog product's category path, ready since the engine was built.</summary>
    internal CategoryProfile ProfileOf(CategoryNode category) => _categoryProfiles[category.Id];

    /// <summary>The facts of any category path: ready when a product is on it, worked out now otherwise (rare: lanes' own paths).</summary>
    internal CategoryProfile ProfileFor(ImmutableArray<string> path)
    {
        if (path.IsDefaultOrEmpty)
        {
            return _noCategory;
        }
        return Catalog.FindCategory(path) is { } known
            ? _categoryProfiles[known.Id]
            : CategoryProfile.For(path, CategoryPaths.PrefixKeys(path), CampaignIndex, Programme);
    }

    public PricingResult Price(PricingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StoreId))
        {
            return PricingResult.Failed(new PricingError(PricingError.InvalidRequest, "storeId is required", null));
        }
        var session = PricingSession.ForThisThread();
        session.Begin(this, request);
        try
        {
            if (LineBuilder.TryBuild(session) is { } error)
            {
                return PricingResult.Failed(error);
            }
            session.MatchCampaigns();
            LinePromotionStep.Apply(session);
            MemberDiscountStep.Apply(session);
            BasketPromotionStep.Apply(session);
            CouponStep.Apply(session);
            PointsBurnStep.Apply(session);
            PointsEarnStep.Apply(session);
            return session.ToResult();
        }
        finally
        {
            session.End();
        }
    }

    private static IEnumerable<CouponTemplate> GiftTemplates(Programme programme)
    {
        if (programme.Gifts?.SignUp?.Coupon is { } signUp)
        {
            yield return signUp;
        }
        if (programme.Gifts?.Birthday?.Coupon is { } birthday)
        {
            yield return birthday;
        }
    }
}

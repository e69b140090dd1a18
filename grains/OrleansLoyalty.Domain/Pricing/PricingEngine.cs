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
    private readonly FrozenDictionary<string, CouponTemplate> _templates;
    private readonly FrozenDictionary<string, CouponTemplate> _publicCoupons;

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
        var templates = new Dictionary<string, CouponTemplate>(StringComparer.Ordinal);
        var publicCoupons = new Dictionary<string, CouponTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in GiftTemplates(programme).Concat(couponTemplates))
        {
            if (template is null)
            {
                continue;
            }
            templates[template.TemplateId] = template;
            if (template.Public && !string.IsNullOrWhiteSpace(template.Code))
            {
                publicCoupons[template.Code] = template;
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

    /// <summary>A template by id (the programme's gift coupon templates included).</summary>
    public CouponTemplate? FindTemplate(string templateId) =>
        _templates.TryGetValue(templateId, out var template) ? template : null;

    /// <summary>The public template whose shared code is <paramref name="code"/> (case-insensitive).</summary>
    public CouponTemplate? FindPublicCoupon(string code) =>
        _publicCoupons.TryGetValue(code, out var template) ? template : null;

    public PricingResult Price(PricingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StoreId))
        {
            return PricingResult.Failed(new PricingError(PricingError.InvalidRequest, "storeId is required", null));
        }
        if (LineBuilder.TryBuild(this, request, out var lines) is { } error)
        {
            return PricingResult.Failed(error);
        }
        var session = new PricingSession(this, request, lines);
        session.MatchCampaigns();
        LinePromotionStep.Apply(session);
        MemberDiscountStep.Apply(session);
        BasketPromotionStep.Apply(session);
        CouponStep.Apply(session);
        PointsBurnStep.Apply(session);
        PointsEarnStep.Apply(session);
        return session.ToResult();
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

using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>Prices a basket with the silo's local engine: shared by quote and commit, so both give the same numbers.</summary>
public sealed class BasketPricer(PricingEngines engines, MemberSegments segments, IProgrammeSource programme, Microsoft.Extensions.Options.IOptions<ChainOptions> chain, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    public Domain.Programme Programme => programme.Current;

    /// <summary>The campaigns a priced basket used, with their per-member limits, for the member to count.</summary>
    public IReadOnlyList<CampaignUse> CampaignsUsed(Quote quote) =>
        quote.CampaignUsages.IsDefault
            ? []
            : quote.CampaignUsages.Select(u => new CampaignUse(u.CampaignId, engines.FindCampaign(u.CampaignId)?.Limits?.PerMember)).ToList();

    /// <summary>
    /// Whether redeeming this public code has to be counted by its grain: only codes with a redemption limit keep
    /// state there (an unlimited code's grain records nothing), so the others need no call at commit.
    /// </summary>
    public bool IsCountedPublicCoupon(string code) => engines.FindPublicCoupon(code)?.MaxRedemptions is not null;

    /// <summary>The template a public coupon code was made from, or null for a code that is not a public one.</summary>
    public string? PublicCouponTemplateId(string code) => engines.FindPublicCoupon(code)?.TemplateId;

    /// <summary>Whether a campaign's discount is drawn from a budget its grain keeps (campaigns without one keep no state).</summary>
    public bool HasBudget(string campaignId) => engines.FindCampaign(campaignId)?.Limits?.Budget is not null;

    /// <summary>Now in the store's own time zone (replicated store settings), or the chain's for a store not set up.</summary>
    public DateTimeOffset StoreLocalNow(string storeId) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), engines.TimeZoneOf(storeId) ?? chain.Value.Zone);

    public Quote Price(CheckoutBasket basket, ResolvedMember? shopper, DateTimeOffset localTime, string quoteId)
    {
        var member = shopper?.View;
        var request = new PricingRequest(basket.StoreId, basket.LaneId, localTime, WithSegment(member?.Context), basket.Lines,
            basket.Coupons.IsDefault ? [] : basket.Coupons, basket.RedeemPoints);
        var result = engines.For(basket.StoreId).Price(request);
        if (result.Error is { } error)
        {
            throw new LoyaltyException(error.Code, error.Detail, error.Code == PricingError.UnknownItem ? 422 : 400);
        }
        var receiptMember = member is null
            ? null
            : new ReceiptMember(member.Context.MemberId, member.DisplayName, member.Context.TierId, member.Context.PointsBalance, shopper!.StoredValueBalance, shopper.PinHint);
        return new Quote(quoteId, receiptMember, result.Lines, result.Discounts, result.RejectedCoupons, result.Subtotal,
            result.DiscountTotal, result.PointsRedeemed, result.PointsValue, result.Total, result.PointsToEarn, result.Messages, result.CouponsApplied, result.CampaignUsages);
    }

    /// <summary>The member as their grain knows them, with the segment this silo holds from the last analysis.</summary>
    private MemberContext? WithSegment(MemberContext? member) =>
        member is not null && segments.Of(member.MemberId) is { } segment && member.Segment != segment ? member with { Segment = segment } : member;

    public static ImmutableArray<string> MemberCouponsUsed(Quote quote, MemberPricingView? member) =>
        member is null
            ? []
            : [.. quote.CouponsApplied.Where(code => member.Context.Coupons.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))];
}

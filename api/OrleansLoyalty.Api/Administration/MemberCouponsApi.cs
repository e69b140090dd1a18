using OrleansLoyalty.Api.Audit;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Api.Administration;

/// <summary>A member's coupons: active, used and expired (expired by the chain's calendar day).</summary>
public static class MemberCouponsApi
{
    public static RouteGroupBuilder MapMemberCouponsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{memberId}/coupons", Get).WithTags("Members")
            .WithName("GetMemberCoupons").WithSummary("The member's coupons: active, used and expired")
            .AuditedRead(AuditActions.MemberCouponsViewed, "member/{memberId}");
        return api;
    }

    private static async Task<Ok<List<MemberCouponView>>> Get(string memberId, ClaimsPrincipal user, IGrainFactory grains, RulesReader reader,
        IOptions<ChainOptions> chain, TimeProvider clock, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireSelfIfMember(memberId);
        return TypedResults.Ok(await Read(memberId, grains, reader, chain.Value.LocalDate(clock.GetUtcNow()), ct));
    }

    /// <summary>The member's coupons with their terms, as of the chain's <paramref name="today"/>.</summary>
    internal static async Task<List<MemberCouponView>> Read(string memberId, IGrainFactory grains, RulesReader reader, DateOnly today, CancellationToken ct)
    {
        var view = await grains.GetGrain<IMemberGrain>(memberId).GetPricingView()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        var templates = await Templates(reader, ct);
        return view.Context.Coupons.Select(c => View(c, templates.GetValueOrDefault(c.TemplateId), today)).ToList();
    }

    private static MemberCouponView View(Coupon c, CouponTemplate? t, DateOnly today) =>
        new(c.Code, c.TemplateId, t?.Name, Status(c, today), Format(c.ValidFrom), Format(c.ValidTo),
            t?.Kind, t?.Threshold, t?.Amount, t?.Percent, t is null || t.CategoryPath.IsDefaultOrEmpty ? null : t.CategoryPath);

    private static string Status(Coupon coupon, DateOnly today) => coupon.Status switch
    {
        CouponStatus.Used => "used",
        _ when coupon.IsExpiredOn(today) => "expired",
        _ => "active",
    };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, CouponTemplate>> Templates(RulesReader reader, CancellationToken ct)
    {
        var programme = (await reader.ProgrammeAsync(ct))?.Programme ?? Programme.Default;
        var templates = new Dictionary<string, CouponTemplate>(StringComparer.Ordinal);
        foreach (var template in new[] { programme.Gifts.SignUp.Coupon, programme.Gifts.Birthday.Coupon }.Concat(await reader.CouponTemplatesAsync(ct)))
        {
            if (template is not null)
            {
                templates[template.TemplateId] = template;
            }
        }
        return templates;
    }
}

using OrleansLoyalty.Api.Audit;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.RegularExpressions;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>Coupon templates (head office): create, list, issue to members by id or by tier.</summary>
public static partial class CouponTemplatesApi
{
    public static readonly string[] Kinds = ["amountOffOver", "percentOff", "categoryAmountOff", "categoryPercentOff", "gift"];
    public const int MaxMemberIds = 10_000;
    private const int IssueConcurrency = 32;

    [GeneratedRegex(@"^[A-Za-z0-9-]{3,32}$")]
    private static partial Regex PublicCodePattern();

    public static RouteGroupBuilder MapCouponTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/coupon-templates").WithTags("Coupons").RequireAuthorization(Policies.Admin);
        templates.MapPost("/", Create).WithName("CreateCouponTemplate").WithSummary("Create a coupon template (member coupons or a public code)")
            .Audited(AuditActions.CouponTemplateCreated, (c, _) => "coupon_template/" + c.Argument<CouponTemplateRequest>().TemplateId);
        templates.MapGet("/", List).WithName("ListCouponTemplates").WithSummary("Every coupon template");
        templates.MapPost("/{templateId}/issue", Issue).WithName("IssueCoupons")
            .WithSummary("Issue a template's coupon to members (by id, tier or RFM segment); once per member and issue id")
            .Audited(AuditActions.CouponsIssued, "coupon_template/{templateId}");
        return api;
    }

    private static async Task<IResult> Create(CouponTemplateRequest request, ClaimsPrincipal user, RulesWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var rules = new Rules();
        var template = ToTemplate(request, rules);
        rules.ThrowIfAny();
        var outcome = await writer.CreateCouponTemplateAsync(template, user.Subject(), clock.GetUtcNow(), ct);
        return outcome switch
        {
            TemplateCreation.IdTaken => throw new LoyaltyException(AdminErrorCodes.CouponTemplateExists, $"A coupon template {template.TemplateId} exists already."),
            TemplateCreation.CodeTaken => throw new LoyaltyException(AdminErrorCodes.CouponCodeTaken, $"Another public template has code {template.Code}."),
            _ => TypedResults.Json(template, RulesJson.Options, statusCode: StatusCodes.Status201Created),
        };
    }

    private static async Task<IResult> List(RulesReader reader, CancellationToken ct) =>
        TypedResults.Json(await reader.CouponTemplatesAsync(ct), RulesJson.Options);

    private static async Task<IResult> Issue(string templateId, IssueCouponsRequest request, RulesReader reader, IGrainFactory grains, CancellationToken ct)
    {
        var rules = new Rules().CallerId("templateId", templateId);
        if (new object?[] { request.MemberIds, request.Tier, request.Segment }.Count(x => x is not null) != 1)
        {
            rules.Add("memberIds", "give one of memberIds, tier or segment");
        }
        rules.OneOf("segment", request.Segment, Segment.All);
        if (request.StoreId is not null)
        {
            rules.StoreId("storeId", request.StoreId);
            if (request.Segment is null) rules.Add("storeId", "narrows a segment; give it with segment");
        }
        if (request.MemberIds is { Length: > MaxMemberIds })
        {
            rules.Add("memberIds", $"must name at most {MaxMemberIds} members per call");
        }
        for (var i = 0; i < (request.MemberIds?.Length ?? 0); i++)
        {
            rules.Text($"memberIds[{i}]", request.MemberIds![i], 32);
        }
        if (request.Tier is not null)
        {
            rules.Text("tier", request.Tier, 32);
        }
        if (request.IssueId is not null)
        {
            rules.CallerId("issueId", request.IssueId);
        }
        rules.ThrowIfAny();
        var template = (await reader.CouponTemplatesAsync(ct)).FirstOrDefault(t => t.TemplateId == templateId)
            ?? throw new LoyaltyException(AdminErrorCodes.CouponTemplateNotFound, $"No coupon template {templateId}.", 404);
        if (template.Public)
        {
            throw new LoyaltyException(ErrorCodes.RequestInvalid, "A public template is presented by its code; it is not issued to members.", 422);
        }
        var memberIds = request.MemberIds?.Distinct(StringComparer.Ordinal).ToList()
            ?? (request.Tier is { } tier ? await reader.MembersOfTierAsync(tier, ct) : await reader.MembersOfSegmentAsync(request.Segment!, request.StoreId, ct));
        var issueKey = request.IssueId is null ? $"template:{templateId}" : $"template:{templateId}:{request.IssueId}";
        var issued = new ConcurrentBag<IssuedCoupon>();
        var unknown = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(memberIds, new ParallelOptions { MaxDegreeOfParallelism = IssueConcurrency, CancellationToken = ct }, async (memberId, _) =>
        {
            try
            {
                var coupon = await grains.GetGrain<IMemberGrain>(memberId).IssueCoupon(template, issueKey);
                issued.Add(new IssuedCoupon(memberId, coupon.Code));
            }
            catch (LoyaltyException e) when (e.Code == ErrorCodes.MemberNotFound)
            {
                unknown.Add(memberId);
            }
        });
        return TypedResults.Ok(new IssueCouponsResponse(
            [.. issued.OrderBy(i => i.MemberId, StringComparer.Ordinal)],
            unknown.IsEmpty ? null : [.. unknown.Order(StringComparer.Ordinal)]));
    }

    private static CouponTemplate ToTemplate(CouponTemplateRequest r, Rules rules)
    {
        rules.CallerId("templateId", r.TemplateId).Text("name", r.Name, 50).OneOf("kind", r.Kind, Kinds, required: true);
        var isPublic = r.Public ?? false;
        if (isPublic && r.Code is not null && !PublicCodePattern().IsMatch(r.Code))
        {
            rules.Add("code", "must be 3–32 characters of A–Z, a–z, 0–9 and -");
        }
        if (!isPublic && (r.Code is not null || r.MaxRedemptions is not null))
        {
            rules.Add("code", "code and maxRedemptions belong to public templates only");
        }
        for (var i = 0; i < (r.CategoryPath?.Length ?? 0); i++)
        {
            rules.Text($"categoryPath[{i}]", r.CategoryPath![i], 50);
        }
        for (var i = 0; i < (r.Skus?.Length ?? 0); i++)
        {
            rules.Text($"skus[{i}]", r.Skus![i], 64);
        }
        var template = new CouponTemplate(
            r.TemplateId ?? "", r.Name?.Trim() ?? "",
            r.Kind is not null && Enum.TryParse<CouponKind>(r.Kind, ignoreCase: true, out var kind) ? kind : CouponKind.AmountOffOver,
            r.Threshold ?? 0, r.Amount ?? 0, r.Percent ?? 0,
            r.CategoryPath is null ? [] : ImmutableArray.Create(r.CategoryPath), r.Skus is null ? [] : ImmutableArray.Create(r.Skus),
            r.ValidDays, rules.Date("validFrom", r.ValidFrom), rules.Date("validTo", r.ValidTo),
            isPublic, isPublic ? r.Code?.ToUpperInvariant() : null, r.MaxRedemptions, r.PointsPrice, r.RewardStock);
        rules.AddAll(CouponTemplateValidator.Validate(template));
        return template;
    }
}

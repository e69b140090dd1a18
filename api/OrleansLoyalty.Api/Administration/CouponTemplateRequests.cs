using OrleansLoyalty.Domain;
namespace OrleansLoyalty.Api.Administration;

/// <summary>rest.md <c>POST /coupon-templates</c>: money in fen, percent an integer (10 = 10 % off = 9折).</summary>
public sealed record CouponTemplateRequest(
    string? TemplateId,
    string? Name,
    string? Kind,
    long? Threshold,
    long? Amount,
    int? Percent,
    string[]? CategoryPath,
    string[]? Skus,
    int? ValidDays,
    string? ValidFrom,
    string? ValidTo,
    bool? Public,
    string? Code,
    int? MaxRedemptions,
    long? PointsPrice = null,
    int? RewardStock = null);

/// <param name="IssueId">Idempotency key of this issue run; default: the template id (one coupon per member and template).</param>
/// <param name="Segment">An RFM segment of the last purchase analysis (docs/reports.md), optionally narrowed to members whose home store is <paramref name="StoreId"/>.</param>
public sealed record IssueCouponsRequest(string[]? MemberIds, string? Tier, string? IssueId, string? Segment = null, string? StoreId = null);

public sealed record IssuedCoupon(string MemberId, string Code);

/// <param name="UnknownMemberIds">Named in <c>memberIds</c> but not registered: nothing was issued to them.</param>
public sealed record IssueCouponsResponse(IReadOnlyList<IssuedCoupon> Issued, IReadOnlyList<string>? UnknownMemberIds);

/// <summary>A member's coupon with its terms (from its template; null where the template is gone), so a member can read what it gives.</summary>
public sealed record MemberCouponView(string Code, string TemplateId, string? Name, string Status, string ValidFrom, string ValidTo,
    CouponKind? Kind = null, long? Threshold = null, long? Amount = null, int? Percent = null, IReadOnlyList<string>? CategoryPath = null);

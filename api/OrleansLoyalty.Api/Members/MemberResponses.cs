using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Members;

public sealed record RegisteredMember(
    string MemberId,
    string ReferralCode,
    string Tier,
    long Points,
    SignUpGifts Gifts);

public sealed record SignUpGifts(long Points, IReadOnlyList<string> Coupons);

public sealed record MemberView(
    string MemberId,
    string Name,
    string Phone,
    string? Birthday,
    string BirthdayCalendar,
    string? Gender,
    string? Email,
    bool ConsentMarketing,
    string HomeStoreId,
    string Channel,
    string ReferralCode,
    DateTimeOffset RegisteredAt,
    string Tier,
    TierProgress TierProgress,
    PointsView Points,
    long StoredValue,
    int Coupons,
    IReadOnlyList<string> Cards,
    string NotifyBy,
    bool WeChatBound);

public sealed record TierProgress(long Spend12m, int Visits12m, string? NextTier, long SpendToNextTier, int VisitsToNextTier);

public sealed record PointsView(long Balance, IReadOnlyList<ExpiringView> Expiring);

public sealed record ExpiringView(long Points, string On);

public sealed record MemberLookup(string MemberId, string Name, string Phone, string Tier);

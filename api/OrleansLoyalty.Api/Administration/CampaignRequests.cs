namespace OrleansLoyalty.Api.Administration;

/// <summary>rest.md <c>POST /campaigns</c>. Units as in docs/pricing.md: percent integer, multiplier in tenths, money in fen.</summary>
public sealed record CampaignRequest(
    string? CampaignId,
    string? Name,
    string? Kind,
    CampaignScheduleRequest? Schedule,
    CampaignTargetRequest? Target,
    CampaignRewardRequest? Reward,
    CampaignLimitsRequest? Limits,
    CampaignStackingRequest? Stacking,
    bool? Paused);

/// <param name="From">YYYY-MM-DD, store-local, inclusive.</param>
/// <param name="Weekdays">monday … sunday; empty = every day.</param>
/// <param name="DailyStart">HH:mm, inclusive.</param>
/// <param name="DailyEnd">HH:mm, exclusive.</param>
public sealed record CampaignScheduleRequest(string? From, string? To, string[]? Weekdays, string? DailyStart, string? DailyEnd);

public sealed record CampaignTargetRequest(string[]? Tiers, string[]? StoreIds, string[]? CategoryPath, string[]? Skus, string[]? Segments = null);

public sealed record CampaignRewardRequest(int? Percent, long? Threshold, long? Amount, int? Multiplier, long? Points);

public sealed record CampaignLimitsRequest(int? PerMember, long? Budget);

public sealed record CampaignStackingRequest(bool? Exclusive, int? Priority);

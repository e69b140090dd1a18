namespace OrleansLoyalty.Domain;

/// <summary>One member's result of an analysis run; scores and recency are null for members without a sale in the window.</summary>
public sealed record MemberAnalysis(
    string MemberId,
    string Segment,
    RfmScore? Scores,
    int? RecencyDays,
    int Sales,
    long Spend,
    int? UsualIntervalDays,
    string ChurnRisk);

namespace OrleansLoyalty.Domain;

/// <summary>The RFM segments of docs/reports.md, as the API and reports name them.</summary>
public static class Segment
{
    public const string New = "new";
    public const string Champions = "champions";
    public const string Loyal = "loyal";
    public const string Promising = "promising";
    public const string NeedsAttention = "needs_attention";
    public const string AtRisk = "at_risk";
    public const string Hibernating = "hibernating";
    public const string Prospect = "prospect";
    public const string Lost = "lost";

    /// <summary>Every segment, in the order reports list them (best first).</summary>
    public static readonly ImmutableArray<string> All = [Champions, Loyal, Promising, New, NeedsAttention, AtRisk, Hibernating, Prospect, Lost];

    public static bool IsKnown(string segment) => All.Contains(segment);
}

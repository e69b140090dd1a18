namespace OrleansLoyalty.Domain;

/// <summary>
/// Whether a campaign runs for a request (docs/pricing.md, "Campaign applicability"): not paused, within its
/// schedule, in the store, for the member's tier and segment, under its per-member count, with budget left. A quote asks once
/// per campaign, and only for campaigns some line of the basket could use.
/// </summary>
internal static class CampaignLiveness
{
    /// <summary>The budget of a campaign without one.</summary>
    public const long Unlimited = long.MaxValue;

    /// <param name="remaining">Budget left (fen or points, <see cref="Unlimited"/> without one) when it runs.</param>
    public static bool IsRunning(CampaignRule rule, PricingSession session, out long remaining)
    {
        remaining = 0;
        var campaign = rule.Campaign;
        var member = session.Member;
        if (campaign.Paused || (!rule.RunsAlways && !campaign.Schedule.IsRunningAt(session.Date, session.Time)))
        {
            return false;
        }
        if (!rule.StoreIds.IsEmpty && !ContainsOrdinal(rule.StoreIds, session.Request.StoreId))
        {
            return false;
        }
        if (!rule.Tiers.IsEmpty && (member is null || !ContainsOrdinal(rule.Tiers, member.TierId)))
        {
            return false;
        }
        if (!rule.Segments.IsEmpty && (member?.Segment is not { } segment || !ContainsOrdinal(rule.Segments, segment)))
        {
            return false;
        }
        if (rule.PerMember is { } perMember
            && (member is null || (member.CampaignUsage?.GetValueOrDefault(campaign.CampaignId) ?? 0) >= perMember))
        {
            return false;
        }
        remaining = RemainingBudget(rule, session.Request);
        return remaining > 0;
    }

    /// <summary>What the request says is left, else the campaign's whole budget.</summary>
    private static long RemainingBudget(CampaignRule rule, PricingRequest request)
    {
        if (request.RemainingCampaignBudgets is { } budgets && budgets.TryGetValue(rule.Campaign.CampaignId, out var remaining))
        {
            return remaining ?? Unlimited;
        }
        return rule.Budget ?? Unlimited;
    }

    private static bool ContainsOrdinal(ImmutableArray<string> values, string? value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

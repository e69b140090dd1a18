using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 7: points to earn, all integer. The base B is what the member pays on earnable lines after
/// discounts (plus the points-paid part when the programme says so). Then
/// <c>units = ⌊B / ¥1⌋ × pointsPerYuan</c>,
/// <c>base = ⌊units × tier‰ × birthday / 10 000⌋</c>,
/// for each multiplier campaign c over lines with base S_c: <c>extra = ⌊units × S_c/B × (m−10)/10 × tier‰ × birthday⌋</c>
/// (capped by its budget), plus bonus-points campaigns whose lines reach their threshold. Each part is
/// spread over its lines (largest remainder) so the line shares sum to the basket's points.
/// </summary>
internal static class PointsEarnStep
{
    public static void Apply(PricingSession session)
    {
        if (session.Member is null || session.Tier is null)
        {
            return;
        }
        var earning = session.Programme.Earning;
        var lines = session.Lines;
        Span<long> bases = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        long totalBase = 0;
        foreach (var line in lines)
        {
            if (line.Earnable)
            {
                bases[line.Index] = line.Net + (earning.EarnOnPointsRedeemed ? line.PointsValue : 0);
                totalBase += bases[line.Index];
            }
        }
        if (totalBase <= 0)
        {
            return;
        }
        var units = totalBase / Fen.PerYuan * earning.PointsPerYuan;
        var tierPerMille = (long)session.Tier.PointsMultiplierPerMille;
        var birthdayTenths = session.IsBirthday ? (long)session.Programme.Gifts.Birthday.PointsMultiplierTenths : 10;
        var basePoints = (long)((Int128)units * tierPerMille * birthdayTenths / 10_000);
        Span<long> weights = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> shares = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        Spread(lines, basePoints, bases, shares);

        ApplyMultipliers(session, bases, weights, shares, totalBase, units, tierPerMille * birthdayTenths);
        ApplyBonuses(session, bases, weights, shares);
    }

    private static void ApplyMultipliers(PricingSession session, ReadOnlySpan<long> bases, Span<long> weights, Span<long> shares,
        long totalBase, long units, long tierTimesBirthday)
    {
        var lines = session.Lines;
        // Each line earns extra from one multiplier campaign at most: the first in precedence order it may use.
        Span<int> chosen = lines.Length <= PricingSession.StackLines ? stackalloc int[lines.Length] : new int[lines.Length];
        foreach (var line in lines)
        {
            chosen[line.Index] = -1;
            if (bases[line.Index] <= 0)
            {
                continue;
            }
            foreach (var campaign in session.CampaignsOf(line))
            {
                if (session.Rule(campaign).Kind == CampaignKind.PointsMultiplier && session.MayUse(line, campaign))
                {
                    chosen[line.Index] = campaign;
                    break;
                }
            }
        }
        foreach (var campaign in session.TouchedCampaigns)
        {
            var rule = session.Rule(campaign);
            if (rule.Kind != CampaignKind.PointsMultiplier || rule.Reward.Multiplier <= 10)
            {
                continue;
            }
            long campaignBase = 0;
            foreach (var i in session.LinesOf(campaign))
            {
                if (chosen[i] == campaign)
                {
                    campaignBase += bases[i];
                }
            }
            if (campaignBase <= 0)
            {
                continue;
            }
            weights.Clear();
            foreach (var i in session.LinesOf(campaign))
            {
                if (chosen[i] == campaign)
                {
                    weights[i] = bases[i];
                }
            }
            // ⌊units × (S_c / B) × (m − 10)/10 × tier‰/1000 × birthday/10⌋ in one integer division.
            var extra = (long)((Int128)units * campaignBase * (rule.Reward.Multiplier - 10) * tierTimesBirthday
                / ((Int128)totalBase * 10 * 1000 * 10));
            extra = Math.Min(extra, session.Remaining(campaign));
            Spread(lines, extra, weights, shares);
            session.RecordUsage(campaign, extra);
        }
    }

    private static void ApplyBonuses(PricingSession session, ReadOnlySpan<long> bases, Span<long> weights, Span<long> shares)
    {
        var lines = session.Lines;
        foreach (var campaign in session.TouchedCampaigns)
        {
            var rule = session.Rule(campaign);
            if (rule.Kind != CampaignKind.BonusPoints)
            {
                continue;
            }
            long campaignBase = 0;
            foreach (var i in session.LinesOf(campaign))
            {
                if (bases[i] > 0 && session.MayUse(lines[i], campaign))
                {
                    campaignBase += bases[i];
                }
            }
            if (campaignBase <= 0 || campaignBase < rule.Reward.Threshold)
            {
                // Most bonus campaigns of a large programme end here: the weights are only made for those that give.
                continue;
            }
            weights.Clear();
            foreach (var i in session.LinesOf(campaign))
            {
                if (bases[i] > 0 && session.MayUse(lines[i], campaign))
                {
                    weights[i] = bases[i];
                }
            }
            var points = Math.Min(rule.Reward.Points, session.Remaining(campaign));
            Spread(lines, points, weights, shares);
            session.RecordUsage(campaign, points);
        }
    }

    /// <summary>Adds <paramref name="points"/> to the lines in proportion to <paramref name="weights"/> (largest remainder).</summary>
    private static void Spread(ReadOnlySpan<WorkLine> lines, long points, ReadOnlySpan<long> weights, Span<long> shares)
    {
        if (points <= 0)
        {
            return;
        }
        ProportionalAllocator.Allocate(points, weights, shares);
        foreach (var line in lines)
        {
            line.PointsToEarn += shares[line.Index];
        }
    }
}

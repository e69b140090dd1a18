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
        var bases = new long[lines.Length];
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
        Spread(lines, basePoints, bases);

        ApplyMultipliers(session, bases, totalBase, units, tierPerMille * birthdayTenths);
        ApplyBonuses(session, bases);
    }

    private static void ApplyMultipliers(PricingSession session, long[] bases, long totalBase, long units, long tierTimesBirthday)
    {
        var lines = session.Lines;
        var chosen = new int[lines.Length];
        Array.Fill(chosen, -1);
        foreach (var line in lines)
        {
            if (bases[line.Index] <= 0)
            {
                continue;
            }
            foreach (var campaign in line.Campaigns)
            {
                if (session.Campaigns[campaign].Kind == CampaignKind.PointsMultiplier && session.MayUse(line, campaign))
                {
                    chosen[line.Index] = campaign;
                    break;
                }
            }
        }
        foreach (var campaign in session.TouchedCampaigns)
        {
            var definition = session.Campaigns[campaign];
            if (definition.Kind != CampaignKind.PointsMultiplier || definition.Reward.Multiplier <= 10)
            {
                continue;
            }
            var weights = new long[lines.Length];
            long campaignBase = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (chosen[i] == campaign)
                {
                    weights[i] = bases[i];
                    campaignBase += bases[i];
                }
            }
            if (campaignBase <= 0)
            {
                continue;
            }
            // ⌊units × (S_c / B) × (m − 10)/10 × tier‰/1000 × birthday/10⌋ in one integer division.
            var extra = (long)((Int128)units * campaignBase * (definition.Reward.Multiplier - 10) * tierTimesBirthday
                / ((Int128)totalBase * 10 * 1000 * 10));
            extra = Math.Min(extra, session.Remaining(campaign));
            Spread(lines, extra, weights);
            session.RecordUsage(campaign, extra);
        }
    }

    private static void ApplyBonuses(PricingSession session, long[] bases)
    {
        var lines = session.Lines;
        foreach (var campaign in session.TouchedCampaigns)
        {
            var definition = session.Campaigns[campaign];
            if (definition.Kind != CampaignKind.BonusPoints)
            {
                continue;
            }
            var weights = new long[lines.Length];
            long campaignBase = 0;
            foreach (var line in lines)
            {
                if (bases[line.Index] > 0 && Array.IndexOf(line.Campaigns, campaign) >= 0 && session.MayUse(line, campaign))
                {
                    weights[line.Index] = bases[line.Index];
                    campaignBase += bases[line.Index];
                }
            }
            if (campaignBase <= 0 || campaignBase < definition.Reward.Threshold)
            {
                continue;
            }
            var points = Math.Min(definition.Reward.Points, session.Remaining(campaign));
            Spread(lines, points, weights);
            session.RecordUsage(campaign, points);
        }
    }

    private static void Spread(WorkLine[] lines, long points, long[] weights)
    {
        if (points <= 0)
        {
            return;
        }
        var shares = ProportionalAllocator.Allocate(points, weights);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].PointsToEarn += shares[i];
        }
    }
}

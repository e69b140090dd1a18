using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 2: line-level promotions. Each discountable line gets at most one percentOff campaign: the first in
/// precedence order it may use (its exclusive claimer, if any). Percent is taken off the line's net, rounded half-up.
/// </summary>
internal static class LinePromotionStep
{
    public static void Apply(PricingSession session)
    {
        var lines = session.Lines;
        Dictionary<int, long[]>? byCampaign = null;
        foreach (var line in lines)
        {
            if (line.Net <= 0)
            {
                continue;
            }
            foreach (var campaign in line.Campaigns)
            {
                if (session.Campaigns[campaign].Kind != CampaignKind.PercentOff || !session.MayUse(line, campaign))
                {
                    continue;
                }
                byCampaign ??= [];
                if (!byCampaign.TryGetValue(campaign, out var amounts))
                {
                    byCampaign[campaign] = amounts = new long[lines.Length];
                }
                amounts[line.Index] = Fen.MulDivRound(line.Net, session.Campaigns[campaign].Reward.Percent, 100);
                break;
            }
        }
        if (byCampaign is null)
        {
            return;
        }
        foreach (var campaign in session.TouchedCampaigns)
        {
            if (!byCampaign.TryGetValue(campaign, out var amounts))
            {
                continue;
            }
            CapToBudget(amounts, session.Remaining(campaign));
            var definition = session.Campaigns[campaign];
            var given = session.ApplyDiscount($"campaign:{definition.CampaignId}", DiscountKind.Promotion,
                DiscountLabels.ZheFromPercent(definition.Reward.Percent), amounts);
            session.RecordUsage(campaign, given);
        }
    }

    /// <summary>Scales the per-line amounts down to what the budget has left, keeping their proportions.</summary>
    internal static void CapToBudget(long[] amounts, long remaining)
    {
        long total = 0;
        foreach (var amount in amounts)
        {
            total += amount;
        }
        if (total <= remaining)
        {
            return;
        }
        var capped = ProportionalAllocator.Allocate(remaining, amounts);
        capped.CopyTo(amounts, 0);
    }
}

using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 4: basket-level 满减 campaigns, in precedence order, each once: when the net of the lines it may use
/// reaches its threshold, its amount (capped by that net and its budget) is spread over those lines by net.
/// </summary>
internal static class BasketPromotionStep
{
    public static void Apply(PricingSession session)
    {
        var lines = session.Lines;
        Span<long> weights = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> amounts = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        foreach (var campaign in session.TouchedCampaigns)
        {
            var rule = session.Rule(campaign);
            if (rule.Kind != CampaignKind.AmountOffOver)
            {
                continue;
            }
            long eligibleNet = 0;
            foreach (var i in session.LinesOf(campaign))
            {
                if (Uses(session, lines[i], campaign))
                {
                    eligibleNet += lines[i].Net;
                }
            }
            if (eligibleNet <= 0)
            {
                continue;
            }
            var reward = rule.Reward;
            if (eligibleNet < reward.Threshold)
            {
                // Most campaigns of a large programme end here: the weights below are only made for those that give.
                session.Messages.Add(string.Concat("再买", Fen.Format(reward.Threshold - eligibleNet), "可享", rule.Label));
                continue;
            }
            // The lines it may use, weighted by what is left to pay on them.
            weights.Clear();
            foreach (var i in session.LinesOf(campaign))
            {
                if (Uses(session, lines[i], campaign))
                {
                    weights[i] = lines[i].Net;
                }
            }
            var amount = Math.Min(Math.Min(reward.Amount, eligibleNet), session.Remaining(campaign));
            ProportionalAllocator.Allocate(amount, weights, amounts);
            var given = session.ApplyDiscount(rule.RuleId, DiscountKind.Promotion, rule.Label, amounts);
            session.RecordUsage(campaign, given);
        }
    }

    private static bool Uses(PricingSession session, WorkLine line, int campaign) => line.Net > 0 && session.MayUse(line, campaign);
}

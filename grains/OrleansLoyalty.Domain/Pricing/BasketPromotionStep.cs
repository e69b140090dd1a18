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
        foreach (var campaign in session.TouchedCampaigns)
        {
            var definition = session.Campaigns[campaign];
            if (definition.Kind != CampaignKind.AmountOffOver)
            {
                continue;
            }
            long eligibleNet = 0;
            foreach (var line in session.Lines)
            {
                if (Uses(session, line, campaign))
                {
                    eligibleNet += line.Net;
                }
            }
            if (eligibleNet <= 0)
            {
                continue;
            }
            var label = DiscountLabels.AmountOffOver(definition.Reward.Threshold, definition.Reward.Amount);
            if (eligibleNet < definition.Reward.Threshold)
            {
                session.Messages.Add($"再买{Fen.Format(definition.Reward.Threshold - eligibleNet)}可享{label}");
                continue;
            }
            var amount = Math.Min(Math.Min(definition.Reward.Amount, eligibleNet), session.Remaining(campaign));
            var amounts = session.AllocateByNet(amount, line => Uses(session, line, campaign));
            var given = session.ApplyDiscount($"campaign:{definition.CampaignId}", DiscountKind.Promotion, label, amounts);
            session.RecordUsage(campaign, given);
        }
    }

    private static bool Uses(PricingSession session, WorkLine line, int campaign) =>
        line.Net > 0 && Array.IndexOf(line.Campaigns, campaign) >= 0 && session.MayUse(line, campaign);
}

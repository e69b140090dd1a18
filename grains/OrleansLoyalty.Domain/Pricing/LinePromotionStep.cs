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
        Span<int> chosen = lines.Length <= PricingSession.StackLines ? stackalloc int[lines.Length] : new int[lines.Length];
        var any = false;
        foreach (var line in lines)
        {
            chosen[line.Index] = -1;
            if (line.Net <= 0)
            {
                continue;
            }
            foreach (var campaign in session.CampaignsOf(line))
            {
                if (session.Rule(campaign).Kind == CampaignKind.PercentOff && session.MayUse(line, campaign))
                {
                    chosen[line.Index] = campaign;
                    any = true;
                    break;
                }
            }
        }
        if (!any)
        {
            return;
        }
        Span<long> amounts = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        foreach (var campaign in session.TouchedCampaigns)
        {
            var rule = session.Rule(campaign);
            if (rule.Kind != CampaignKind.PercentOff)
            {
                continue;
            }
            amounts.Clear();
            foreach (var i in session.LinesOf(campaign))
            {
                if (chosen[i] == campaign)
                {
                    amounts[i] = Fen.MulDivRound(lines[i].Net, rule.Reward.Percent, 100);
                }
            }
            CapToBudget(amounts, session.Remaining(campaign));
            var given = session.ApplyDiscount(rule.RuleId, DiscountKind.Promotion, rule.Label, amounts);
            session.RecordUsage(campaign, given);
        }
    }

    /// <summary>Scales the per-line amounts down to what the budget has left, keeping their proportions.</summary>
    internal static void CapToBudget(Span<long> amounts, long remaining)
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
        Span<long> capped = amounts.Length <= PricingSession.StackLines ? stackalloc long[amounts.Length] : new long[amounts.Length];
        ProportionalAllocator.Allocate(remaining, amounts, capped);
        capped.CopyTo(amounts);
    }
}

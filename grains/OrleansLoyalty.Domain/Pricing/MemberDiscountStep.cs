using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 3: the member's tier discount or the member-day discount, whichever is larger (they never stack),
/// on every discountable line, rounded half-up per line. Members only.
/// </summary>
internal static class MemberDiscountStep
{
    public static void Apply(PricingSession session)
    {
        if (session.Member is null)
        {
            return;
        }
        var tierBasisPoints = session.Tier?.DiscountBasisPoints ?? 0;
        var memberDay = session.Programme.MemberDay;
        var memberDayBasisPoints = session.IsMemberDay ? memberDay.DiscountBasisPoints : 0;
        if (tierBasisPoints <= 0 && memberDayBasisPoints <= 0)
        {
            return;
        }
        string ruleId, label;
        int basisPoints;
        if (memberDayBasisPoints > tierBasisPoints)
        {
            (ruleId, label, basisPoints) = ("memberDay", session.Engine.MemberDiscounts.MemberDayLabel, memberDayBasisPoints);
        }
        else
        {
            (ruleId, label) = session.Engine.MemberDiscounts.Tier(session.TierIndex);
            basisPoints = tierBasisPoints;
        }
        var lines = session.Lines;
        Span<long> amounts = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        foreach (var line in lines)
        {
            if (line.Discountable && line.Net > 0)
            {
                amounts[line.Index] = Fen.MulDivRound(line.Net, basisPoints, 10_000);
            }
        }
        session.ApplyDiscount(ruleId, DiscountKind.Tier, label, amounts);
    }
}

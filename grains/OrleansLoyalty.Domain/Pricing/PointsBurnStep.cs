using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Step 6: points pay part of the basket. The request is rounded down to the step, then capped by the
/// balance (in steps) and by the share of the total after discounts the programme allows (in steps).
/// The value is spread over every line with a net left, by net; the points follow the value.
/// </summary>
internal static class PointsBurnStep
{
    public static void Apply(PricingSession session)
    {
        var requested = session.Request.RedeemPoints;
        if (requested <= 0)
        {
            return;
        }
        if (session.Member is null)
        {
            session.Messages.Add("匿名顾客不能使用积分");
            return;
        }
        var burning = session.Programme.Burning;
        var step = burning.Step;
        var byRequest = requested / step * step;
        var byBalance = Math.Max(session.Member.PointsBalance, 0) / step * step;
        var maxValue = Fen.MulDivFloor(session.TotalNet(), burning.MaxShareBasisPoints, 10_000);
        var byShare = Fen.MulDivFloor(maxValue, burning.PointsPerYuan, Fen.PerYuan) / step * step;
        var points = Math.Min(byRequest, Math.Min(byBalance, byShare));
        if (points < requested)
        {
            session.Messages.Add(points <= 0
                ? "本单不能使用积分抵扣"
                : $"本单最多可用{points}积分抵扣{Fen.Format(burning.ValueOf(points))}");
        }
        if (points <= 0)
        {
            return;
        }
        var value = burning.ValueOf(points);
        // The value goes over every line with a net left, by net; the points follow the value.
        var lines = session.Lines;
        Span<long> nets = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> amounts = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> pointsPerLine = lines.Length <= PricingSession.StackLines ? stackalloc long[lines.Length] : new long[lines.Length];
        foreach (var line in lines)
        {
            nets[line.Index] = Math.Max(line.Net, 0);
        }
        ProportionalAllocator.Allocate(value, nets, amounts);
        ProportionalAllocator.Allocate(points, amounts, pointsPerLine);
        foreach (var line in lines)
        {
            line.PointsValue = amounts[line.Index];
            line.PointsRedeemed = pointsPerLine[line.Index];
        }
        session.ApplyDiscount("points", DiscountKind.Points, "积分抵扣", amounts);
        session.PointsRedeemed = points;
    }
}

using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>Turns the engine's priced basket into what a lane shows, field for field as the cluster's lane grain does.</summary>
internal static class OfflineViews
{
    /// <summary>The member id the engine sees for a member known offline by tier alone.</summary>
    public const string OfflineMemberId = "offline";

    public static LaneDisplay Display(string sessionId, LaneMember? member, PricingResult priced, string note) => new()
    {
        SessionId = sessionId,
        Member = member,
        Lines = [.. priced.Lines.Select(Line)],
        Discounts = [.. priced.Discounts.Select(Discount)],
        Subtotal = priced.Subtotal,
        DiscountTotal = priced.DiscountTotal,
        Total = priced.Total,
        PointsToEarn = priced.PointsToEarn,
        Messages = priced.Messages.IsDefaultOrEmpty ? [note] : priced.Messages.Add(note),
        Mode = LaneModes.Offline,
    };

    public static LaneLine Line(PricedLine line) => new()
    {
        LineId = line.LineId,
        Sku = line.Sku,
        Name = line.Name,
        Qty = line.Qty,
        WeightGrams = line.WeightGrams,
        UnitPrice = line.UnitPrice,
        Gross = line.Gross,
        Discount = line.Discount,
        Net = line.Net,
    };

    public static LaneDiscount Discount(Discount discount) => new()
    {
        RuleId = discount.RuleId,
        Kind = discount.Kind switch
        {
            DiscountKind.Tier => "tier",
            DiscountKind.Promotion => "promotion",
            DiscountKind.Coupon => "coupon",
            _ => "points",
        },
        Label = discount.Label,
        Amount = discount.Amount,
        LineIds = discount.LineIds,
    };
}

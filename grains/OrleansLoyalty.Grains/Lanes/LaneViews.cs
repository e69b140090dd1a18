using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>Turns the checkout engine's quotes and receipts into what a lane shows.</summary>
internal static class LaneViews
{
    public static LaneDisplay Display(string sessionId, Quote quote, ImmutableArray<string> extraMessages = default) => new()
    {
        SessionId = sessionId,
        Member = Member(quote.Member),
        Lines = [.. quote.Lines.Select(Line)],
        Discounts = [.. quote.Discounts.Select(Discount)],
        Subtotal = quote.Subtotal,
        DiscountTotal = quote.DiscountTotal,
        Total = quote.Total,
        PointsToEarn = quote.PointsToEarn,
        Messages = extraMessages.IsDefaultOrEmpty ? quote.Messages : quote.Messages.AddRange(extraMessages),
        Mode = LaneModes.Online,
    };

    /// <summary>Same total, same discounts, same member balances: nothing the cashier or shopper would notice.</summary>
    public static bool ShowsTheSamePrice(LaneDisplay a, LaneDisplay b) =>
        a.Total == b.Total && a.DiscountTotal == b.DiscountTotal && a.PointsToEarn == b.PointsToEarn && a.Member == b.Member;

    public static LaneDisplay Empty(string sessionId, params string[] messages) => new()
    {
        SessionId = sessionId,
        Messages = [.. messages],
        Mode = LaneModes.Online,
    };

    public static LaneReceipt Sale(Receipt receipt, ImmutableArray<string> extraMessages) => new()
    {
        Kind = "sale",
        TxnId = receipt.TxnId,
        CommittedAt = receipt.CommittedAt,
        Member = Member(receipt.Member),
        Lines = [.. receipt.Lines.Select(Line)],
        Discounts = [.. receipt.Discounts.Select(Discount)],
        Subtotal = receipt.Subtotal,
        DiscountTotal = receipt.DiscountTotal,
        PointsRedeemed = receipt.PointsRedeemed,
        PointsValue = receipt.PointsValue,
        Total = receipt.Total,
        Tenders = [.. receipt.Tenders.Select(t => new LaneTender { Kind = t.Kind, Amount = t.Amount, CardNo = t.CardNo })],
        PointsEarned = receipt.PointsEarned,
        PointsBalance = receipt.PointsBalance,
        StoredValueBalance = receipt.StoredValueBalance,
        Tier = receipt.Tier,
        TierChanged = receipt.TierChanged is { } change ? new LaneTierChange { From = change.From, To = change.To } : null,
        CouponsRedeemed = receipt.CouponsRedeemed,
        CouponsIssued = receipt.CouponsIssued,
        Messages = receipt.Messages.IsDefault ? extraMessages : receipt.Messages.AddRange(extraMessages.IsDefault ? [] : extraMessages),
        Mode = LaneModes.Online,
    };

    public static LaneReceipt Return(ReturnReceipt returned, Receipt? purchase)
    {
        var bought = purchase?.Lines.ToDictionary(line => line.LineId, StringComparer.Ordinal) ?? [];
        return new LaneReceipt
        {
            Kind = "return",
            TxnId = returned.TxnId,
            OriginalTxnId = returned.OriginalTxnId,
            CommittedAt = returned.CommittedAt,
            Lines =
            [
                .. returned.Lines.Select(line => new LaneLine
                {
                    LineId = line.LineId,
                    Sku = bought.TryGetValue(line.LineId, out var original) ? original.Sku : "",
                    Name = original?.Name ?? "",
                    Qty = line.Qty,
                    Net = line.Refund,
                }),
            ],
            Total = returned.Refund,
            PointsEarned = -returned.PointsClawedBack,
            PointsRedeemed = -returned.PointsGivenBack,
            PointsBalance = returned.PointsBalance,
            StoredValueBalance = returned.StoredValueBalance,
            Tier = returned.Tier,
            CouponsIssued = returned.CouponsRestored,
            Messages =
            [
                $"退货 Return: {Fen.Format(returned.Refund)} refunded ({Fen.Format(returned.StoredValueRefund)} to the card)",
                $"points taken back {returned.PointsClawedBack}, points given back {returned.PointsGivenBack}",
            ],
            Mode = LaneModes.Online,
        };
    }

    private static LaneMember? Member(ReceiptMember? member) => member is null
        ? null
        : new LaneMember { DisplayName = member.DisplayName, Tier = member.Tier, PointsBalance = member.PointsBalance, StoredValueBalance = member.StoredValueBalance, StoredValuePin = member.StoredValuePin };

    private static LaneLine Line(PricedLine line) => new()
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

    private static LaneDiscount Discount(Discount discount) => new()
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

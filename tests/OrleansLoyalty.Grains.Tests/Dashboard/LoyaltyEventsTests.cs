using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>What a checkout publishes is what its receipt says.</summary>
public sealed class LoyaltyEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static PricedLine Line(string id, long net, params string[] category) =>
        new(id, "sku" + id, "item", 1, null, net, net, 0, net, [.. category], 0, 0);

    [Fact]
    public void A_member_receipt_becomes_a_checkout_event_with_top_level_category_sales()
    {
        var receipt = new Receipt("t1", "s001", "03", At, new ReceiptMember("m1", "张*", "silver", 100, 0),
            [Line("1", 1_500, "食品", "乳制品", "酸奶"), Line("2", 500, "食品", "零食"), Line("3", 300)],
            [], [], Subtotal: 2_500, DiscountTotal: 200, PointsRedeemed: 100, PointsValue: 100, Total: 2_300, PointsToEarn: 27,
            Messages: [], Tenders: [new Tender("cash", 2_300, null)], PointsEarned: 27, PointsBalance: 127, StoredValueBalance: 0,
            Tier: "gold", TierChanged: new TierChange("silver", "gold"), CouponsRedeemed: ["C-1", "C-2"], CouponsIssued: []);

        var e = LoyaltyEvents.Checkout(receipt, storedValueSpent: 800);

        Assert.Equal(("s001", "t1", "03", "m1", At), (e.StoreId, e.TxnId, e.LaneId, e.MemberId, e.At));
        Assert.Equal((2_500L, 200L, 2_300L, 27L, 100L, 800L, 2), (e.Subtotal, e.DiscountTotal, e.Total, e.PointsEarned, e.PointsRedeemed, e.StoredValueSpent, e.CouponsRedeemed));
        Assert.Equal(2_000, e.CategorySales["食品"]);
        Assert.Equal(300, e.CategorySales[LoyaltyEvents.Uncategorised]);
        Assert.Equal("gold", e.TierAfter);
        Assert.Equal(new TierChange("silver", "gold"), e.TierChanged);
    }

    [Fact]
    public void A_return_receipt_becomes_a_return_event_with_positive_amounts()
    {
        var receipt = new ReturnReceipt("r1", "t1", "s001", "03", At, [new ReturnedLine("1", 1, 1_500, 15, 0)],
            Refund: 1_500, StoredValueRefund: 500, OtherTendersRefund: 1_000, PointsClawedBack: 15, PointsGivenBack: 40,
            IsFullReturn: false, CouponsRestored: [], PointsBalance: 112, StoredValueBalance: 500, Tier: "silver");

        var e = LoyaltyEvents.Return(receipt, "m1", new Dictionary<string, long> { ["食品"] = 1_500 });

        Assert.Equal(("r1", "t1", "m1"), (e.TxnId, e.OriginalTxnId, e.MemberId));
        Assert.Equal((1_500L, 15L, 40L, 500L, 0), (e.Total, e.PointsEarned, e.PointsRedeemed, e.StoredValueSpent, e.CouponsRedeemed));
        Assert.Equal(1_500, e.CategorySales["食品"]);
    }
}

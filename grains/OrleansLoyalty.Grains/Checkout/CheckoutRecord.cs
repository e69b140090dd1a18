using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// A committed sale's row in <c>checkout_transactions</c>, written with the member's state (see
/// <see cref="Persistence.StateCompanions"/>): either a new committed row (a sale only the member settles), or the
/// completion of the row its plan was recorded in (<see cref="CompletesPlannedRow"/>).
/// </summary>
public sealed record CheckoutRecord(
    string TxnId,
    string StoreId,
    string LaneId,
    string? MemberId,
    string RequestHash,
    DateTimeOffset CommittedAt,
    string ReceiptJson,
    string ReturnBasisJson,
    string CategorySalesJson,
    long Subtotal,
    long DiscountTotal,
    long Total,
    long PointsEarned,
    long PointsRedeemed,
    long StoredValueSpent,
    int CouponsRedeemed,
    string? TierAfter,
    bool CompletesPlannedRow)
{
    /// <summary>The row of a settled sale: its receipt, the figures reports sum, and what its returns will need.</summary>
    public static CheckoutRecord ForSale(Receipt receipt, SaleDraft sale) => new(
        receipt.TxnId, receipt.StoreId, receipt.LaneId, sale.ReturnBasis.MemberId, sale.RequestHash, receipt.CommittedAt,
        CheckoutJson.Serialize(receipt), CheckoutJson.Serialize(sale.ReturnBasis), CategorySales(receipt),
        receipt.Subtotal, receipt.DiscountTotal, receipt.Total, receipt.PointsEarned, receipt.PointsRedeemed, sale.StoredValueSpent,
        receipt.CouponsRedeemed.Length, receipt.Tier, sale.CompletesPlannedRow);

    /// <summary>Net sales per top-level category, for the category report and the dashboards' "top categories".</summary>
    private static string CategorySales(Receipt receipt) =>
        CheckoutJson.Serialize(LoyaltyEvents.TopLevelCategorySales(receipt.Lines));
}

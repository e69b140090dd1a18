namespace OrleansLoyalty.Domain;

/// <summary>What a committed purchase paid and earned, line by line; the input of every return against it.</summary>
/// <param name="StoredValueUsed">Fen paid from stored-value cards (the rest was paid by other tenders).</param>
/// <param name="Coupons">Coupons redeemed in the purchase, with their validity.</param>
[GenerateSerializer, Immutable, Alias("domain.PurchaseReceipt")]
public sealed record PurchaseReceipt(
    [Id(0)] ImmutableArray<ReceiptLine> Lines,
    [Id(1)] long StoredValueUsed,
    [Id(2)] ImmutableArray<Coupon> Coupons)
{
    public long Total => Lines.IsDefault ? 0 : Lines.Sum(line => line.Net);

    /// <summary>The receipt of a priced basket as committed.</summary>
    public static PurchaseReceipt From(PricingResult priced, long storedValueUsed, ImmutableArray<Coupon> coupons)
    {
        ArgumentNullException.ThrowIfNull(priced);
        var lines = priced.Lines.Select(line =>
            new ReceiptLine(line.LineId, line.Qty, line.Net, line.PointsToEarn, line.PointsRedeemed));
        return new PurchaseReceipt([.. lines], storedValueUsed, coupons.IsDefault ? [] : coupons);
    }
}

using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// Refunds and points of a return. Everything is computed as "what the first k units are worth" with
/// k counted cumulatively over every return against the receipt, rounded down, and this return gets the
/// difference: partial returns never exceed what was paid or earned, and together they come to exactly the
/// full return, which refunds exactly what was paid and claws back exactly what was earned.
/// </summary>
public static class ReturnCalculator
{
    /// <param name="receipt">The original purchase.</param>
    /// <param name="alreadyReturned">lineId → units returned by earlier returns against this receipt.</param>
    /// <param name="lines">What is brought back now.</param>
    /// <param name="storeLocalDate">Today, to decide whether coupons come back.</param>
    /// <param name="couponPolicy">Whether coupons of a fully returned purchase come back.</param>
    public static ReturnResult Calculate(
        PurchaseReceipt receipt,
        IReadOnlyDictionary<string, int>? alreadyReturned,
        IReadOnlyList<ReturnLine> lines,
        DateOnly storeLocalDate,
        CouponPolicy? couponPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(lines);
        var receiptLines = receipt.Lines.IsDefault ? [] : receipt.Lines;
        var requested = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.LineId) || line.Qty <= 0)
            {
                return ReturnResult.Failed(ReturnResult.InvalidRequest, line?.LineId);
            }
            requested[line.LineId] = requested.GetValueOrDefault(line.LineId) + line.Qty;
        }
        if (requested.Count == 0)
        {
            return ReturnResult.Failed(ReturnResult.InvalidRequest, null);
        }
        foreach (var lineId in requested.Keys)
        {
            if (!receiptLines.Any(line => line.LineId == lineId))
            {
                return ReturnResult.Failed(ReturnResult.ExceedsPurchase, lineId);
            }
        }

        var returned = ImmutableArray.CreateBuilder<ReturnedLine>();
        long refund = 0, refundedBefore = 0, clawback = 0, giveBack = 0;
        var everythingBack = true;
        foreach (var line in receiptLines)
        {
            var before = alreadyReturned?.GetValueOrDefault(line.LineId) ?? 0;
            var now = requested.GetValueOrDefault(line.LineId);
            if (before < 0 || before + (long)now > line.Qty)
            {
                return ReturnResult.Failed(ReturnResult.ExceedsPurchase, line.LineId);
            }
            var after = before + now;
            everythingBack &= after == line.Qty;
            refundedBefore += Share(line.Net, before, line.Qty);
            if (now == 0)
            {
                continue;
            }
            var lineRefund = Share(line.Net, after, line.Qty) - Share(line.Net, before, line.Qty);
            var lineClawback = Share(line.PointsEarned, after, line.Qty) - Share(line.PointsEarned, before, line.Qty);
            var lineGiveBack = Share(line.PointsRedeemed, after, line.Qty) - Share(line.PointsRedeemed, before, line.Qty);
            returned.Add(new ReturnedLine(line.LineId, now, lineRefund, lineClawback, lineGiveBack));
            refund += lineRefund;
            clawback += lineClawback;
            giveBack += lineGiveBack;
        }

        var total = receipt.Total;
        var storedValue = Math.Min(Math.Max(receipt.StoredValueUsed, 0), total);
        var storedValueRefund = total == 0
            ? 0
            : Fen.MulDivFloor(storedValue, refundedBefore + refund, total) - Fen.MulDivFloor(storedValue, refundedBefore, total);
        var restore = everythingBack && (couponPolicy?.RestoreOnVoidOrFullReturn ?? true) && !receipt.Coupons.IsDefault
            ? receipt.Coupons.Where(coupon => storeLocalDate <= coupon.ValidTo).Select(coupon => coupon.Code).ToImmutableArray()
            : [];
        return new ReturnResult(returned.ToImmutable(), refund, storedValueRefund, refund - storedValueRefund,
            clawback, giveBack, everythingBack, restore, null, null);
    }

    /// <summary>What the first <paramref name="units"/> of <paramref name="of"/> units are worth, rounded down.</summary>
    private static long Share(long amount, long units, int of) => of <= 0 ? 0 : Fen.MulDivFloor(amount, units, of);
}

using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// Prices a basket with what the edge box knows while the cluster is away: catalog prices and the
/// store's public promotions (percent off, then amount off over a threshold, in the order given).
/// Member discounts, coupons and points wait for the cluster.
/// </summary>
public static class OfflinePricer
{
    private const long GramsPerKilogram = 1000;

    public static PricedBasket Price(IReadOnlyList<OfflineLine> lines, IEnumerable<LanePromotion> promotions, DateTimeOffset now)
    {
        var gross = lines.Select(LineGross).ToArray();
        var discount = new long[lines.Count];
        var discounts = ImmutableArray.CreateBuilder<LaneDiscount>();
        foreach (var promotion in promotions.Where(p => IsActive(p, now)))
        {
            var eligible = Enumerable.Range(0, lines.Count).Where(i => IsEligible(promotion, lines[i])).ToArray();
            var amounts = promotion.Kind switch
            {
                LanePromotion.PercentOff => PercentOff(promotion, eligible, gross, discount),
                LanePromotion.AmountOffOver => AmountOffOver(promotion, eligible, gross, discount),
                _ => [],
            };
            var total = amounts.Sum(a => a.Amount);
            if (total <= 0)
            {
                continue;
            }
            foreach (var (index, amount) in amounts)
            {
                discount[index] += amount;
            }
            discounts.Add(new LaneDiscount
            {
                RuleId = promotion.RuleId,
                Kind = "promotion",
                Label = promotion.Label,
                Amount = total,
                LineIds = [.. amounts.Where(a => a.Amount > 0).Select(a => lines[a.Index].LineId)],
            });
        }
        var priced = lines.Select((line, i) => new LaneLine
        {
            LineId = line.LineId,
            Sku = line.Sku,
            Name = line.Name,
            Qty = line.Qty,
            WeightGrams = line.WeightGrams,
            UnitPrice = line.UnitPrice,
            Gross = gross[i],
            Discount = discount[i],
            Net = gross[i] - discount[i],
        }).ToImmutableArray();
        var subtotal = gross.Sum();
        var discountTotal = discount.Sum();
        return new PricedBasket(priced, discounts.ToImmutable(), subtotal, discountTotal, subtotal - discountTotal);
    }

    public static long LineGross(OfflineLine line) =>
        line.WeightGrams is { } grams ? Fen.MulDivRound(line.UnitPrice, grams, GramsPerKilogram) : line.UnitPrice * line.Qty;

    private static List<(int Index, long Amount)> PercentOff(LanePromotion promotion, int[] eligible, long[] gross, long[] discount) =>
        [.. eligible.Select(i => (i, Math.Min(Fen.MulDivRound(gross[i], promotion.Percent, 100), gross[i] - discount[i])))];

    private static List<(int Index, long Amount)> AmountOffOver(LanePromotion promotion, int[] eligible, long[] gross, long[] discount)
    {
        var remaining = eligible.Select(i => gross[i] - discount[i]).ToArray();
        var base_ = remaining.Sum();
        if (base_ <= 0 || base_ < promotion.Threshold)
        {
            return [];
        }
        var amount = Math.Min(promotion.Amount, base_);
        // Spread over the eligible lines in proportion to what is left of each; the last takes the rounding.
        var result = new List<(int, long)>();
        var given = 0L;
        for (var k = 0; k < eligible.Length; k++)
        {
            var share = k == eligible.Length - 1 ? amount - given : Fen.MulDivFloor(amount, remaining[k], base_);
            share = Math.Min(share, remaining[k]);
            given += share;
            result.Add((eligible[k], share));
        }
        return result;
    }

    private static bool IsActive(LanePromotion promotion, DateTimeOffset now) =>
        (promotion.From is null || promotion.From <= now) && (promotion.To is null || now < promotion.To);

    private static bool IsEligible(LanePromotion promotion, OfflineLine line)
    {
        if (promotion.CategoryPath.IsDefaultOrEmpty && promotion.Skus.IsDefaultOrEmpty)
        {
            return true;
        }
        if (!promotion.Skus.IsDefaultOrEmpty && promotion.Skus.Contains(line.Sku))
        {
            return true;
        }
        return !promotion.CategoryPath.IsDefaultOrEmpty
            && line.CategoryPath.Length >= promotion.CategoryPath.Length
            && promotion.CategoryPath.SequenceEqual(line.CategoryPath.Take(promotion.CategoryPath.Length));
    }
}

using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// A sale the edge gateway accepted offline is settled at the cluster's price: the shopper paid the
/// offline total and left; with member prices known now the total may differ, so the tenders are
/// adjusted to it (the last non-stored-value tender takes the difference) and the receipt says by how much.
/// </summary>
internal static class OfflineSettlement
{
    public static ImmutableArray<Tender> Tenders(ImmutableArray<LaneTender> paid, long total)
    {
        var tenders = paid.Select(t => new Tender(t.Kind, t.Amount, t.CardNo)).ToList();
        var difference = total - tenders.Sum(t => t.Amount);
        for (var i = tenders.Count - 1; i >= 0 && difference != 0; i--)
        {
            if (tenders[i].Kind == TenderKinds.StoredValue)
            {
                continue;
            }
            var adjusted = Math.Max(0, tenders[i].Amount + difference);
            difference -= adjusted - tenders[i].Amount;
            tenders[i] = tenders[i] with { Amount = adjusted };
        }
        if (difference > 0)
        {
            tenders.Add(new Tender("cash", difference, null));
        }
        return [.. tenders.Where(t => t.Amount > 0 || tenders.Count == 1)];
    }

    public static ImmutableArray<string> Messages(LaneOfflineSale sale, long total) =>
        sale.Total == total
            ? ["离线交易已结算 Offline sale settled; points credited"]
            : sale.Total > total
                ? [$"离线交易已结算 Offline sale settled at {Fen.Format(total)}: paid {Fen.Format(sale.Total)} offline, {Fen.Format(sale.Total - total)} due back to the shopper; points credited"]
                : [$"离线交易已结算 Offline sale settled at {Fen.Format(total)}: paid {Fen.Format(sale.Total)} offline, the store bears {Fen.Format(total - sale.Total)}; points credited"];
}

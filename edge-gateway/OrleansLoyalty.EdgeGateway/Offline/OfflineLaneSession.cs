using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Input;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The gateway's own copy of one lane's basket. While the cluster answers it mirrors the cluster's
/// displays; when the cluster is away it carries the basket on by itself with local pricing, so a
/// shopper mid-basket does not notice more than a "store offline" note.
/// </summary>
public sealed class OfflineLaneSession(string laneId, TimeProvider time)
{
    public const string OfflineNote = "离线模式 Offline: local prices; member discounts and points are settled when the store is back online";

    private readonly List<OfflineLine> _lines = [];
    private LaneMember? _member;
    private int _nextLineNumber = 1;
    private int _sessionNumber;

    public string SessionId { get; private set; } = NewSessionId(laneId, time, 0);

    public int LineCount => _lines.Count;

    /// <summary>Keeps this copy in step with what the cluster answered to <paramref name="laneEvent"/>.</summary>
    public void MirrorOnline(LaneEvent laneEvent, LaneOutcome outcome, OfflineCatalog catalog)
    {
        if (outcome.Refusal is not null)
        {
            return;
        }
        if ((outcome.Receipt is not null && laneEvent.Kind == LaneEventKind.Pay) || laneEvent.Kind == LaneEventKind.Void)
        {
            StartNewSession();
        }
        if (outcome.Display is not { } display)
        {
            return;
        }
        SessionId = display.SessionId;
        _member = display.Member;
        _lines.Clear();
        foreach (var line in display.Lines)
        {
            var categoryPath = catalog.FindBySku(line.Sku)?.CategoryPath ?? [];
            _lines.Add(new OfflineLine(line.LineId, line.Sku, line.Name, categoryPath, line.UnitPrice, line.Qty, line.WeightGrams));
            if (int.TryParse(line.LineId, out var number) && number >= _nextLineNumber)
            {
                _nextLineNumber = number + 1;
            }
        }
    }

    /// <summary>Applies <paramref name="laneEvent"/> here alone, as the lane's offline answer.</summary>
    public LaneOutcome ApplyOffline(LaneEvent laneEvent, OfflineCatalog catalog)
    {
        switch (laneEvent.Kind)
        {
            case LaneEventKind.Card:
                _member = new LaneMember { DisplayName = $"会员 Member {Mask(laneEvent.CardNo!)}", Tier = "unknown" };
                return Display(catalog);
            case LaneEventKind.Phone:
                _member = new LaneMember { DisplayName = $"会员 Member {Mask(laneEvent.Phone!)}", Tier = "unknown" };
                return Display(catalog);
            case LaneEventKind.Scan:
                return Scan(laneEvent, catalog);
            case LaneEventKind.RemoveLine:
                var removed = _lines.RemoveAll(line => line.LineId == laneEvent.LineId);
                return removed > 0
                    ? Display(catalog)
                    : LaneOutcome.Refused(RefusalCodes.NoSuchLine, $"there is no line {laneEvent.LineId} in the basket");
            case LaneEventKind.Void:
                StartNewSession();
                return Display(catalog);
            case LaneEventKind.Pay:
                return Pay(laneEvent, catalog);
            case LaneEventKind.Coupon:
                return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "coupons are checked when the store is back online");
            case LaneEventKind.RedeemPoints:
                return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "points can be redeemed when the store is back online");
            default:
                return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "returns are taken when the store is back online");
        }
    }

    /// <summary>The offline total a <c>pay</c> would be accepted at now.</summary>
    public long CurrentTotal(OfflineCatalog catalog) => Price(catalog).Total;

    private LaneOutcome Scan(LaneEvent laneEvent, OfflineCatalog catalog)
    {
        if (!catalog.TryFind(laneEvent.Barcode!, out var item))
        {
            return LaneOutcome.Refused(RefusalCodes.UnknownItem, $"barcode {laneEvent.Barcode} is not in the store's catalog");
        }
        if (item.SoldByWeight && laneEvent.WeightGrams is null)
        {
            return LaneOutcome.Refused(RefusalCodes.Invalid, $"{item.Name} is sold by weight: the scan must carry weightGrams");
        }
        var lineId = (_nextLineNumber++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _lines.Add(new OfflineLine(lineId, item.Sku, item.Name, item.CategoryPath, item.Price, laneEvent.WeightGrams is null ? laneEvent.Qty ?? 1 : 1, laneEvent.WeightGrams));
        return Display(catalog);
    }

    private LaneOutcome Pay(LaneEvent laneEvent, OfflineCatalog catalog)
    {
        if (_lines.Count == 0)
        {
            return LaneOutcome.Refused(RefusalCodes.Invalid, "the basket is empty");
        }
        if (laneEvent.Tenders.Any(tender => tender.Kind == "storedValue"))
        {
            return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "stored-value cards can be used when the store is back online");
        }
        var priced = Price(catalog);
        var tendered = laneEvent.Tenders.Sum(tender => tender.Amount);
        if (tendered != priced.Total)
        {
            return LaneOutcome.Refused(RefusalCodes.TenderMismatch, $"tenders add up to {tendered} fen but the total is {priced.Total} fen");
        }
        var receipt = new LaneReceipt
        {
            Kind = "sale",
            TxnId = laneEvent.TxnId!,
            CommittedAt = time.GetUtcNow(),
            Member = _member,
            Lines = priced.Lines,
            Discounts = priced.Discounts,
            Subtotal = priced.Subtotal,
            DiscountTotal = priced.DiscountTotal,
            Total = priced.Total,
            Tenders = laneEvent.Tenders,
            Messages = [OfflineNote],
            Mode = LaneModes.Offline,
        };
        StartNewSession();
        return LaneOutcome.Accepted(Display(catalog).Display!, receipt);
    }

    private LaneOutcome Display(OfflineCatalog catalog)
    {
        var priced = Price(catalog);
        return LaneOutcome.Accepted(new LaneDisplay
        {
            SessionId = SessionId,
            Member = _member,
            Lines = priced.Lines,
            Discounts = priced.Discounts,
            Subtotal = priced.Subtotal,
            DiscountTotal = priced.DiscountTotal,
            Total = priced.Total,
            PointsToEarn = 0,
            Messages = [OfflineNote],
            Mode = LaneModes.Offline,
        });
    }

    private PricedBasket Price(OfflineCatalog catalog) =>
        OfflinePricer.Price(_lines, catalog.Snapshot.Promotions, time.GetUtcNow());

    private void StartNewSession()
    {
        _lines.Clear();
        _member = null;
        _nextLineNumber = 1;
        SessionId = NewSessionId(laneId, time, ++_sessionNumber);
    }

    private static string NewSessionId(string laneId, TimeProvider time, int number) =>
        $"{laneId}-{time.GetUtcNow():yyyyMMddHHmmssfff}-{number}";

    private static string Mask(string value) =>
        value.Length <= 4 ? "****" : $"****{value[^4..]}";
}

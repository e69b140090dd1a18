using System.Collections.Immutable;
using System.Globalization;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.EdgeGateway.Input;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The gateway's own copy of one lane's basket. While the cluster answers it mirrors the cluster's
/// displays; when the cluster is away it carries the basket on by itself, priced by the cluster's
/// <see cref="PricingEngine"/> from the offline copies, so a shopper mid-basket does not notice more than
/// a "store offline" note. The member is priced by the tier seen online, else as an anonymous shopper.
/// </summary>
public sealed class OfflineLaneSession(string storeId, string laneId, OfflinePricing pricing, OfflineMemberTiers tiers, TimeProvider time)
{
    public const string OfflineNote = "离线模式 Offline: store prices and promotions apply; points are credited when the store is back online";

    private const string CouponRulePrefix = "coupon:";

    private readonly List<BasketLine> _lines = [];
    private readonly List<string> _coupons = [];
    private LaneMember? _member;
    private string? _tierId;
    private int _nextLineNumber = 1;
    private int _sessionNumber;

    public string SessionId { get; private set; } = NewSessionId(laneId, time, 0);

    public int LineCount => _lines.Count;

    /// <summary>Keeps this copy in step with what the cluster answered to <paramref name="laneEvent"/>.</summary>
    public void MirrorOnline(LaneEvent laneEvent, LaneOutcome outcome)
    {
        if (outcome.Refusal is not null && outcome.Display is null)
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
        RememberTier(laneEvent, display.Member);
        var engine = pricing.Current;
        SessionId = display.SessionId;
        _member = display.Member;
        _tierId = KnownTier(engine, display.Member?.Tier);
        _lines.Clear();
        foreach (var line in display.Lines)
        {
            // Goods the offline catalog does not know (yet) keep the price the cluster showed.
            var known = engine.Engine.Catalog.FindBySku(line.Sku) is not null;
            _lines.Add(new BasketLine(line.LineId, line.Sku, line.Qty, line.WeightGrams, known ? null : line.UnitPrice));
            if (int.TryParse(line.LineId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= _nextLineNumber)
            {
                _nextLineNumber = number + 1;
            }
        }
        // Public codes accepted online stay in the basket; a member's own coupons cannot be checked offline.
        _coupons.Clear();
        foreach (var discount in display.Discounts)
        {
            if (discount.RuleId.StartsWith(CouponRulePrefix, StringComparison.Ordinal)
                && engine.Engine.FindPublicCoupon(discount.RuleId[CouponRulePrefix.Length..]) is not null)
            {
                _coupons.Add(discount.RuleId[CouponRulePrefix.Length..]);
            }
        }
    }

    /// <summary>Applies <paramref name="laneEvent"/> here alone, as the lane's offline answer.</summary>
    public LaneOutcome ApplyOffline(LaneEvent laneEvent)
    {
        var engine = pricing.Current;
        switch (laneEvent.Kind)
        {
            case LaneEventKind.Card:
                return Identify(engine, laneEvent.CardNo!, OfflineMemberTiers.CardKey(laneEvent.CardNo!));
            case LaneEventKind.Phone:
                return Identify(engine, laneEvent.Phone!, OfflineMemberTiers.PhoneKey(laneEvent.Phone!));
            case LaneEventKind.Scan:
                return Scan(engine, laneEvent);
            case LaneEventKind.RemoveLine:
                var index = _lines.FindIndex(line => line.LineId == laneEvent.LineId);
                if (index < 0)
                {
                    return LaneOutcome.Refused(RefusalCodes.NoSuchLine, $"there is no line {laneEvent.LineId} in the basket");
                }
                _lines.RemoveAt(index);
                return Display(engine);
            case LaneEventKind.Coupon:
                return Coupon(engine, laneEvent.CouponCode!);
            case LaneEventKind.Void:
                StartNewSession();
                return Display(engine);
            case LaneEventKind.Pay:
                return Pay(engine, laneEvent);
            case LaneEventKind.RedeemPoints:
                return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "points can be redeemed when the store is back online");
            default:
                return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "returns are taken when the store is back online");
        }
    }

    private LaneOutcome Identify(OfflineEngine engine, string identifier, string tierKey)
    {
        _tierId = KnownTier(engine, tiers.Find(tierKey));
        _member = new LaneMember { DisplayName = $"会员 Member {Mask(identifier)}", Tier = _tierId ?? "unknown" };
        return Display(engine);
    }

    private LaneOutcome Scan(OfflineEngine engine, LaneEvent laneEvent)
    {
        if (engine.Find(laneEvent.Barcode!) is not { } product)
        {
            return LaneOutcome.Refused(RefusalCodes.UnknownItem, $"barcode {laneEvent.Barcode} is not in the store's catalog");
        }
        if (product.SoldByWeight && laneEvent.WeightGrams is null)
        {
            return LaneOutcome.Refused(RefusalCodes.Invalid, $"{product.Name} is sold by weight: the scan must carry weightGrams");
        }
        var lineId = _nextLineNumber.ToString(CultureInfo.InvariantCulture);
        _lines.Add(laneEvent.WeightGrams is { } grams
            ? new BasketLine(lineId, product.Sku, 1, grams)
            : new BasketLine(lineId, product.Sku, laneEvent.Qty ?? 1));
        var priced = Price(engine);
        if (priced.Error is { } error)
        {
            // Like the lane grain: an event is kept only if the basket it makes can be priced.
            _lines.RemoveAt(_lines.Count - 1);
            return LaneOutcome.Refused(error.Code, error.Detail);
        }
        _nextLineNumber++;
        return Display(engine, priced);
    }

    private LaneOutcome Coupon(OfflineEngine engine, string code)
    {
        if (engine.Engine.FindPublicCoupon(code) is not { } template)
        {
            return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, $"coupon {code} is checked when the store is back online (members' own coupons need the cluster)");
        }
        if (template.MaxRedemptions is not null)
        {
            // How many redemptions are left is known to the cluster alone.
            return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, $"coupon {code} has a limited number of redemptions: it is taken when the store is back online");
        }
        if (_coupons.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            return LaneOutcome.Refused("coupon.already_in_basket", $"coupon {code} is already in this basket");
        }
        _coupons.Add(code);
        var priced = Price(engine);
        var rejected = priced.Error is null
            ? priced.RejectedCoupons.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
            : new RejectedCoupon(code, priced.Error.Code);
        if (rejected is not null)
        {
            _coupons.RemoveAt(_coupons.Count - 1);
            return LaneOutcome.Refused(rejected.Reason, $"coupon {code} cannot be used: {rejected.Reason}");
        }
        return Display(engine, priced);
    }

    private LaneOutcome Pay(OfflineEngine engine, LaneEvent laneEvent)
    {
        if (_lines.Count == 0)
        {
            return LaneOutcome.Refused(RefusalCodes.Invalid, "the basket is empty");
        }
        if (laneEvent.Tenders.Any(tender => tender.Kind == "storedValue"))
        {
            return LaneOutcome.Refused(RefusalCodes.OfflineUnavailable, "stored-value cards can be used when the store is back online");
        }
        var priced = Price(engine);
        if (priced.Error is { } error)
        {
            return LaneOutcome.Refused(error.Code, error.Detail);
        }
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
            Lines = [.. priced.Lines.Select(OfflineViews.Line)],
            Discounts = [.. priced.Discounts.Select(OfflineViews.Discount)],
            Subtotal = priced.Subtotal,
            DiscountTotal = priced.DiscountTotal,
            Total = priced.Total,
            Tenders = laneEvent.Tenders,
            Messages = [OfflineNote],
            Mode = LaneModes.Offline,
        };
        StartNewSession();
        return LaneOutcome.Accepted(Display(engine).Display!, receipt);
    }

    private LaneOutcome Display(OfflineEngine engine) => Display(engine, Price(engine));

    private LaneOutcome Display(OfflineEngine engine, PricingResult priced)
    {
        if (priced.Error is { } error)
        {
            // A basket mirrored from the cluster that the offline copy cannot price (e.g. a SKU it never had).
            return LaneOutcome.Refused(error.Code, error.Detail);
        }
        return LaneOutcome.Accepted(OfflineViews.Display(SessionId, _member, priced, OfflineNote));
    }

    private PricingResult Price(OfflineEngine engine)
    {
        var member = _tierId is null
            ? null
            : new MemberContext(OfflineViews.OfflineMemberId, _tierId, Birthday: null, PointsBalance: 0, Coupons: [], CampaignUsage: null);
        var request = new PricingRequest(storeId, laneId, pricing.StoreLocalNow(engine), member, [.. _lines], [.. _coupons], RedeemPoints: 0);
        return engine.Engine.Price(request);
    }

    private void RememberTier(LaneEvent laneEvent, LaneMember? member)
    {
        if (member is not { Tier: { Length: > 0 } tier } || tier == "unknown")
        {
            return;
        }
        if (laneEvent.Kind == LaneEventKind.Card && laneEvent.CardNo is { } cardNo && laneEvent.Medium != "qr")
        {
            tiers.Remember(OfflineMemberTiers.CardKey(cardNo), tier);
        }
        else if (laneEvent.Kind == LaneEventKind.Phone && laneEvent.Phone is { } phone)
        {
            tiers.Remember(OfflineMemberTiers.PhoneKey(phone), tier);
        }
    }

    private static string? KnownTier(OfflineEngine engine, string? tierId) =>
        engine.Engine.Programme.FindTier(tierId) is { } tier ? tier.Id : null;

    private void StartNewSession()
    {
        _lines.Clear();
        _coupons.Clear();
        _member = null;
        _tierId = null;
        _nextLineNumber = 1;
        SessionId = NewSessionId(laneId, time, ++_sessionNumber);
    }

    private static string NewSessionId(string laneId, TimeProvider time, int number) =>
        $"{laneId}-{time.GetUtcNow():yyyyMMddHHmmssfff}-{number}";

    private static string Mask(string value) =>
        value.Length <= 4 ? "****" : $"****{value[^4..]}";
}

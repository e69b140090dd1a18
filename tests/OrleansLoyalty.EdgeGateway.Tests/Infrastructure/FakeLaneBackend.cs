using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Backend;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>
/// An in-memory stand-in for the cluster's lane grains: deduplicates by eventId like the real one,
/// counts effects, and can be switched off to play an outage.
/// </summary>
public sealed class FakeLaneBackend : ILaneBackend
{
    public const string LostCard = "8800000000";
    public const string UsedCoupon = "C-USED";
    public const long CouponValue = 500;

    private readonly ConcurrentDictionary<string, FakeLane> _lanes = new();
    private volatile bool _available = true;

    public bool Available
    {
        get => _available;
        set => _available = value;
    }

    /// <summary>Event ids in the order they took effect, per lane.</summary>
    public IReadOnlyList<string> Applied(string laneId) => Lane(laneId).AppliedSnapshot();

    public IReadOnlyList<LaneEvent> Received(string laneId) => Lane(laneId).ReceivedSnapshot();

    public Task<LaneOutcome> ApplyAsync(LaneEvent laneEvent, CancellationToken cancellationToken)
    {
        if (!_available)
        {
            throw new LaneBackendUnavailableException("fake cluster is down");
        }
        return Task.FromResult(Lane(laneEvent.LaneId).Apply(laneEvent));
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(_available);

    public Task<LaneCatalogSnapshot> GetCatalogAsync(string storeId, CancellationToken cancellationToken) =>
        _available ? Task.FromResult(TestCatalog.Snapshot(storeId)) : throw new LaneBackendUnavailableException("fake cluster is down");

    public Task<LaneRulesSnapshot> GetRulesAsync(string storeId, CancellationToken cancellationToken) =>
        _available ? Task.FromResult(TestRules.Snapshot(storeId)) : throw new LaneBackendUnavailableException("fake cluster is down");

    private FakeLane Lane(string laneId) => _lanes.GetOrAdd(laneId, id => new FakeLane(id));

    private sealed class FakeLane(string laneId)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, LaneOutcome> _outcomes = [];
        private readonly List<string> _applied = [];
        private readonly List<LaneEvent> _received = [];
        private readonly List<LaneLine> _lines = [];
        private readonly List<string> _coupons = [];
        private LaneMember? _member;
        private int _session;
        private int _nextLine = 1;

        public IReadOnlyList<string> AppliedSnapshot()
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }

        public IReadOnlyList<LaneEvent> ReceivedSnapshot()
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }

        public LaneOutcome Apply(LaneEvent laneEvent)
        {
            lock (_gate)
            {
                _received.Add(laneEvent);
                if (_outcomes.TryGetValue(laneEvent.EventId, out var earlier))
                {
                    return earlier;
                }
                var outcome = Decide(laneEvent);
                _outcomes[laneEvent.EventId] = outcome;
                if (outcome.Refusal is null)
                {
                    _applied.Add(laneEvent.EventId);
                }
                return outcome;
            }
        }

        private LaneOutcome Decide(LaneEvent e)
        {
            switch (e.Kind)
            {
                case LaneEventKind.Card when e.CardNo == LostCard:
                    return LaneOutcome.Refused("card.lost", "this card was reported lost");
                case LaneEventKind.Card:
                    _member = new LaneMember { DisplayName = "张*", Tier = "gold", PointsBalance = 1200, StoredValueBalance = 5000 };
                    return Display();
                case LaneEventKind.Scan:
                    var item = TestCatalog.Snapshot("x").Products.FirstOrDefault(p => p.Barcode == e.Barcode);
                    if (item is null)
                    {
                        return LaneOutcome.Refused("catalog.unknown_item", "unknown barcode");
                    }
                    var gross = e.WeightGrams is { } grams ? item.Price * grams / 1000 : item.Price * (e.Qty ?? 1);
                    _lines.Add(new LaneLine { LineId = (_nextLine++).ToString(System.Globalization.CultureInfo.InvariantCulture), Sku = item.Sku, Name = item.Name, Qty = e.Qty ?? 1, WeightGrams = e.WeightGrams, UnitPrice = item.Price, Gross = gross, Net = gross });
                    return Display();
                case LaneEventKind.Coupon when e.CouponCode == UsedCoupon || _coupons.Contains(e.CouponCode!):
                    return LaneOutcome.Refused("coupon.already_redeemed", "this coupon was already used");
                case LaneEventKind.Coupon:
                    _coupons.Add(e.CouponCode!);
                    return Display();
                case LaneEventKind.Pay when e.OfflineSale is null && e.Tenders.Sum(t => t.Amount) != Total():
                    // As the lane grain does when the basket's price moved since the display the cashier read.
                    return LaneOutcome.Refused("tenders.mismatch", "the tenders do not add up to the total") with { Display = Display().Display };
                case LaneEventKind.Pay:
                    var total = e.OfflineSale?.Total ?? Total();
                    var receipt = new LaneReceipt
                    {
                        Kind = "sale",
                        TxnId = e.TxnId!,
                        CommittedAt = e.At,
                        Member = _member,
                        Lines = [.. _lines],
                        Total = total,
                        Tenders = e.Tenders,
                        PointsEarned = total / 100,
                        Messages = e.OfflineSale is null ? [] : ["points earned offline credited"],
                    };
                    Reset();
                    return LaneOutcome.Accepted(Display().Display!, receipt);
                case LaneEventKind.Void:
                    Reset();
                    return Display();
                default:
                    return Display();
            }
        }

        private long Total() => Math.Max(0, _lines.Sum(l => l.Net) - (_coupons.Count * CouponValue));

        private void Reset()
        {
            _lines.Clear();
            _coupons.Clear();
            _member = null;
            _nextLine = 1;
            _session++;
        }

        private LaneOutcome Display() => LaneOutcome.Accepted(new LaneDisplay
        {
            SessionId = $"{laneId}-s{_session}",
            Member = _member,
            Lines = [.. _lines],
            Discounts = _coupons.Select(c => new LaneDiscount { RuleId = c, Kind = "coupon", Label = "coupon " + c, Amount = CouponValue }).ToImmutableArray(),
            Subtotal = _lines.Sum(l => l.Gross),
            DiscountTotal = _coupons.Count * CouponValue,
            Total = Total(),
            PointsToEarn = Total() / 100,
        });
    }
}

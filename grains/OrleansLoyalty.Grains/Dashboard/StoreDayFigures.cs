using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// Folds a store's events into the figures of its local business day. Pure: no I/O, time passed in.
/// Each fact counts once however often it arrives (the stream may repeat, a rebuild overlaps the stream).
/// </summary>
internal sealed class StoreDayFigures
{
    private readonly string _storeId;
    private readonly TimeZoneInfo _zone;
    private readonly DashboardOptions _options;
    private readonly MinuteSeries _minutes = new();
    private readonly LaneBoard _lanes = new();
    private readonly ActivityLog _activity;
    private DayCounters _day = new();
    private Dictionary<string, long> _categories = [];
    private Dictionary<string, (long Transactions, long GrossSales)> _tiers = [];
    private HashSet<string> _seen = [];

    public StoreDayFigures(string storeId, TimeZoneInfo zone, DashboardOptions options, DateTimeOffset now)
    {
        _storeId = storeId;
        _zone = zone;
        _options = options;
        _activity = new ActivityLog(options.ActivityLength);
        Date = LocalDay.DateOf(now, zone);
    }

    public DateOnly Date { get; private set; }

    /// <summary>Something changed since the last <see cref="TakeUpdate"/>.</summary>
    public bool Dirty { get; private set; }

    public long Seq { get; private set; }

    /// <summary>Where a rebuild has to start reading: the start of today, or an hour ago for the minute series.</summary>
    public DateTimeOffset HistoryStart(DateTimeOffset now)
    {
        var dayStart = LocalDay.StartOf(now, _zone);
        var hourAgo = now.AddMinutes(-MinuteSeries.Length);
        return dayStart < hourAgo ? dayStart : hourAgo;
    }

    /// <summary>Starts a new day when the local date has moved on; true if it did.</summary>
    public bool RollOver(DateTimeOffset now)
    {
        var today = LocalDay.DateOf(now, _zone);
        if (today <= Date)
        {
            return false;
        }
        Date = today;
        _day = new DayCounters();
        _categories = [];
        _tiers = [];
        _seen = [];
        _lanes.StartDay();
        Dirty = true;
        return true;
    }

    /// <summary>Applies an event; false if it changed nothing (a repeat, or another store's).</summary>
    public bool Apply(LoyaltyEvent e, DateTimeOffset now)
    {
        if (e.StoreId != _storeId)
        {
            return false;
        }
        RollOver(now);
        var today = LocalDay.DateOf(e.At, _zone) == Date;
        var changed = e switch
        {
            CheckoutCommitted c => ApplyCheckout(c, today, now),
            ReturnCommitted r => ApplyReturn(r, today, now),
            MemberRegistered m => ApplyMember(m, today),
            StoredValueToppedUp t => ApplyTopUp(t, today),
            CouponRedeemed c => ApplyCoupon(c, today),
            TierChanged t => ApplyTierChanged(t, today),
            LaneStatusChanged l => ApplyLane(l),
            _ => false,
        };
        Dirty |= changed;
        return changed;
    }

    /// <summary>After a rebuild from history, decide which lanes count as online.</summary>
    public void SettleAfterRebuild(DateTimeOffset now)
    {
        _lanes.SettleAfterRebuild(now, _options.LaneOnlineWindow);
        Dirty = true;
    }

    public DashboardFigures Figures() => _day.ToFigures(_lanes.Online, _lanes.Total);

    public DashboardSnapshot ToSnapshot(DateTimeOffset now, string epoch)
    {
        RollOver(now);
        return new DashboardSnapshot
        {
            Scope = DashboardScopes.Store,
            StoreId = _storeId,
            Epoch = epoch,
            Seq = Seq,
            Date = Date,
            TimeZone = _zone.Id,
            At = TimeZoneInfo.ConvertTime(now, _zone),
            Figures = Figures(),
            Minutes = _minutes.Window(now, _zone),
            TopCategories = TopCategories(),
            TierMix = TierMix(),
            Lanes = _lanes.All,
            Activity = _activity.Recent,
        };
    }

    /// <summary>What changed since the previous update; clears <see cref="Dirty"/>.</summary>
    public DashboardUpdate TakeUpdate(DateTimeOffset now, string epoch)
    {
        RollOver(now);
        Dirty = false;
        Seq++;
        return new DashboardUpdate
        {
            Scope = DashboardScopes.Store,
            StoreId = _storeId,
            Epoch = epoch,
            Seq = Seq,
            Date = Date,
            At = TimeZoneInfo.ConvertTime(now, _zone),
            Figures = Figures(),
            Minutes = _minutes.TakeChanged(now, _zone),
            TopCategories = TopCategories(),
            TierMix = TierMix(),
            Lanes = _lanes.TakeChanged(),
            Activity = _activity.TakeForUpdate(),
        };
    }

    public StoreContribution TakeContribution(DateTimeOffset now)
    {
        RollOver(now);
        return new StoreContribution
        {
            StoreId = _storeId,
            Date = Date,
            Figures = Figures(),
            Minutes = _minutes.NonZero(now, _zone),
            Categories = [.. _categories.Select(c => new CategorySales(c.Key, c.Value))],
            TierMix = TierMix(),
            NewActivity = _activity.TakeForChain(),
        };
    }

    private bool ApplyCheckout(CheckoutCommitted c, bool today, DateTimeOffset now)
    {
        if (!today || !_seen.Add("sale:" + c.TxnId))
        {
            return false;
        }
        _day.GrossSales += c.Total;
        _day.Transactions++;
        _day.DiscountTotal += c.DiscountTotal;
        _day.PointsIssued += c.PointsEarned;
        _day.PointsRedeemed += c.PointsRedeemed;
        _day.StoredValueSpent += c.StoredValueSpent;
        _day.CouponsRedeemed += c.CouponsRedeemed;
        if (c.MemberId is not null)
        {
            _day.MemberSales += c.Total;
            _day.MemberTransactions++;
            var tier = c.TierAfter ?? "unknown";
            _tiers.TryGetValue(tier, out var mix);
            _tiers[tier] = (mix.Transactions + 1, mix.GrossSales + c.Total);
        }
        AddCategories(c.CategorySales, +1);
        _minutes.Add(c.At, now, c.Total, 1);
        if (c.LaneId is not null)
        {
            _lanes.Sold(c.LaneId, c.At, c.Total, 1);
        }
        _activity.Add(new ActivityItem
        {
            Id = "sale:" + c.TxnId, Kind = "sale", At = Local(c.At), StoreId = _storeId, LaneId = c.LaneId,
            Amount = c.Total, Detail = c.TierAfter, Member = c.MemberId is not null,
        });
        if (c.TierChanged is { } change && c.MemberId is not null)
        {
            AddTierActivity(c.MemberId, change.From, change.To, c.At, c.LaneId);
        }
        return true;
    }

    private bool ApplyReturn(ReturnCommitted r, bool today, DateTimeOffset now)
    {
        if (!today || !_seen.Add("return:" + r.TxnId))
        {
            return false;
        }
        _day.Refunds += r.Total;
        _day.Returns++;
        _day.DiscountTotal -= r.DiscountTotal;
        _day.PointsIssued -= r.PointsEarned;
        _day.PointsRedeemed -= r.PointsRedeemed;
        _day.StoredValueSpent -= r.StoredValueSpent;
        _day.CouponsRedeemed -= r.CouponsRedeemed;
        AddCategories(r.CategorySales, -1);
        _minutes.Add(r.At, now, -r.Total, 0);
        if (r.LaneId is not null)
        {
            _lanes.Sold(r.LaneId, r.At, -r.Total, 0);
        }
        _activity.Add(new ActivityItem
        {
            Id = "return:" + r.TxnId, Kind = "return", At = Local(r.At), StoreId = _storeId, LaneId = r.LaneId,
            Amount = r.Total, Member = r.MemberId is not null,
        });
        return true;
    }

    private bool ApplyMember(MemberRegistered m, bool today)
    {
        if (!today || !_seen.Add("member:" + m.MemberId))
        {
            return false;
        }
        _day.NewMembers++;
        _activity.Add(new ActivityItem
        {
            Id = "member:" + m.MemberId, Kind = "member", At = Local(m.At), StoreId = _storeId, Detail = m.Tier, Member = true,
        });
        return true;
    }

    private bool ApplyTopUp(StoredValueToppedUp t, bool today)
    {
        if (!today || !_seen.Add("topup:" + t.TxnId))
        {
            return false;
        }
        _day.StoredValueToppedUp += t.Amount;
        _activity.Add(new ActivityItem
        {
            Id = "topup:" + t.TxnId, Kind = "topup", At = Local(t.At), StoreId = _storeId, LaneId = t.LaneId,
            Amount = t.Amount, Detail = t.CardNoMasked, Member = true,
        });
        return true;
    }

    private bool ApplyCoupon(CouponRedeemed c, bool today)
    {
        var id = $"coupon:{c.TxnId}:{c.TemplateId}";
        if (!today || !_seen.Add(id))
        {
            return false;
        }
        _activity.Add(new ActivityItem
        {
            Id = id, Kind = "coupon", At = Local(c.At), StoreId = _storeId, LaneId = c.LaneId,
            Amount = c.Amount, Detail = c.TemplateId, Member = c.MemberId is not null,
        });
        return true;
    }

    private bool ApplyTierChanged(TierChanged t, bool today) =>
        today && AddTierActivity(t.MemberId, t.From, t.To, t.At, laneId: null);

    private bool AddTierActivity(string memberId, string from, string to, DateTimeOffset at, string? laneId)
    {
        // The checkout and the member grain may both report the same move: one line is enough.
        var id = $"tier:{memberId}:{from}:{to}";
        if (!_seen.Add(id))
        {
            return false;
        }
        _activity.Add(new ActivityItem
        {
            Id = id, Kind = "tier", At = Local(at), StoreId = _storeId, LaneId = laneId, Detail = $"{from}→{to}", Member = true,
        });
        return true;
    }

    private bool ApplyLane(LaneStatusChanged l)
    {
        _lanes.StatusChanged(l.LaneId, l.Online, l.At);
        _activity.Add(new ActivityItem
        {
            Id = $"lane:{l.LaneId}:{l.At.UtcTicks}", Kind = "lane", At = Local(l.At), StoreId = _storeId, LaneId = l.LaneId,
            Detail = l.Online ? "online" : "offline",
        });
        return true;
    }

    private void AddCategories(IReadOnlyDictionary<string, long> sales, int sign)
    {
        foreach (var (category, amount) in sales)
        {
            _categories.TryGetValue(category, out var sum);
            _categories[category] = sum + sign * amount;
        }
    }

    private IReadOnlyList<CategorySales> TopCategories() =>
        [.. _categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(_options.TopCategories).Select(c => new CategorySales(c.Key, c.Value))];

    private IReadOnlyList<TierSales> TierMix() =>
        [.. _tiers.OrderByDescending(t => t.Value.GrossSales).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TierSales(t.Key, t.Value.Transactions, t.Value.GrossSales))];

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);
}

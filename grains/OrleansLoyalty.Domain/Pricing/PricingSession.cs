using System.Runtime.InteropServices;

namespace OrleansLoyalty.Domain;

/// <summary>
/// The mutable working state of one <see cref="PricingEngine.Price"/> call: lines, discounts so far, which campaigns
/// run and which lines each one reaches. Never shared between threads: each thread has one session
/// (<see cref="ForThisThread"/>) that it reuses quote after quote, so its lists and arrays are allocated once rather
/// than per quote; <see cref="Begin"/> resets everything a quote reads and <see cref="End"/> lets go of the quote.
/// </summary>
internal sealed partial class PricingSession
{
    /// <summary>Baskets up to this many lines keep their per-line working amounts on the stack.</summary>
    public const int StackLines = 128;

    [ThreadStatic]
    private static PricingSession? t_session;

    private readonly List<Discount> _discounts = [];
    private readonly List<string> _lineIdsOfDiscount = [];
    private WorkLine[] _lines = [];
    private CampaignRule[] _rules = [];

    /// <summary>
    /// This thread's session. It is busy only if <see cref="PricingEngine.Price"/> were re-entered on the same thread
    /// (nothing in the engine calls out, so it is not); a fresh session then keeps the outer quote's state intact.
    /// </summary>
    public static PricingSession ForThisThread()
    {
        var session = t_session ??= new PricingSession();
        return session.Engine is null ? session : new PricingSession();
    }

    public PricingEngine Engine { get; private set; } = null!;
    public PricingRequest Request { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public TimeOnly Time { get; private set; }
    public MemberContext? Member { get; private set; }
    public TierDefinition? Tier { get; private set; }

    /// <summary>Position of <see cref="Tier"/> in the programme's tiers (-1 without one).</summary>
    public int TierIndex { get; private set; }

    public bool IsBirthday { get; private set; }
    public bool IsMemberDay { get; private set; }

    /// <summary>Line ids seen so far (<see cref="LineBuilder"/> refuses a repeated one).</summary>
    public HashSet<string> LineIds { get; } = new(StringComparer.Ordinal);

    public List<RejectedCoupon> RejectedCoupons { get; } = [];
    public List<string> CouponsApplied { get; } = [];
    public List<string> Messages { get; } = [];

    /// <summary>This quote's lines, in request order; <c>Lines[i].Index == i</c>.</summary>
    public ReadOnlySpan<WorkLine> Lines => _lines.AsSpan(0, LineCount);

    public int LineCount { get; private set; }

    public long PointsRedeemed { get; set; }

    /// <summary>Readies the session for a quote of <paramref name="request"/> on <paramref name="engine"/>.</summary>
    public void Begin(PricingEngine engine, PricingRequest request)
    {
        Engine = engine;
        Request = request;
        Programme = engine.Programme;
        _rules = engine.CampaignIndex.Rules;
        LineCount = 0;
        PointsRedeemed = 0;
        Date = DateOnly.FromDateTime(request.LocalTime.DateTime);
        Time = TimeOnly.FromDateTime(request.LocalTime.DateTime);
        Member = request.Member;
        Tier = null;
        TierIndex = -1;
        IsBirthday = false;
        IsMemberDay = false;
        if (Member is not null)
        {
            // An unknown tier id counts as the lowest tier.
            TierIndex = Programme.TierRank(Member.TierId) is var rank and >= 0 ? rank : (Programme.Tiers.IsDefaultOrEmpty ? -1 : 0);
            Tier = TierIndex >= 0 ? Programme.Tiers[TierIndex] : null;
            IsBirthday = Birthdays.IsBirthday(Member.Birthday, Date);
            IsMemberDay = Programme.MemberDay?.IsMemberDay(Date) ?? false;
        }
        BeginCampaigns(_rules.Length);
    }

    /// <summary>Lets go of the quote's request, engine and strings, so an idle thread keeps no old rules alive.</summary>
    public void End()
    {
        foreach (var line in Lines)
        {
            line.Release();
        }
        LineCount = 0;
        LineIds.Clear();
        _discounts.Clear();
        _lineIdsOfDiscount.Clear();
        RejectedCoupons.Clear();
        CouponsApplied.Clear();
        Messages.Clear();
        EndCampaigns();
        Engine = null!;
        Request = null!;
        Programme = null!;
        Member = null;
        Tier = null;
        _rules = [];
    }

    /// <summary>The next line object to fill (<see cref="WorkLine.Load"/>), kept from earlier quotes when there is one.</summary>
    public WorkLine AddLine()
    {
        if (LineCount == _lines.Length)
        {
            Array.Resize(ref _lines, Math.Max(32, _lines.Length * 2));
        }
        return _lines[LineCount++] ??= new WorkLine();
    }

    /// <summary>
    /// Takes <paramref name="amounts"/> (indexed like <see cref="Lines"/>) off the lines, each capped at its
    /// line's net, and records one <see cref="Discount"/>. Returns what actually came off.
    /// </summary>
    public long ApplyDiscount(string ruleId, DiscountKind kind, string label, ReadOnlySpan<long> amounts)
    {
        long total = 0;
        _lineIdsOfDiscount.Clear();
        foreach (var line in Lines)
        {
            var amount = Math.Min(amounts[line.Index], line.Net);
            if (amount <= 0)
            {
                continue;
            }
            line.Discount += amount;
            total += amount;
            _lineIdsOfDiscount.Add(line.LineId);
        }
        if (total > 0)
        {
            var lineIds = ImmutableCollectionsMarshal.AsImmutableArray(_lineIdsOfDiscount.ToArray());
            _discounts.Add(new Discount(ruleId, kind, label, total, lineIds));
        }
        return total;
    }

    public long TotalNet()
    {
        long total = 0;
        foreach (var line in Lines)
        {
            total += line.Net;
        }
        return total;
    }

    public PricingResult ToResult()
    {
        var lines = new PricedLine[LineCount];
        long subtotal = 0, total = 0, pointsValue = 0, pointsToEarn = 0;
        foreach (var line in Lines)
        {
            lines[line.Index] = new PricedLine(line.LineId, line.Sku, line.Name, line.Qty, line.WeightGrams, line.UnitPrice,
                line.Gross, line.Discount, line.Net, line.CategoryPath, line.PointsToEarn, line.PointsRedeemed);
            subtotal += line.Gross;
            total += line.Net;
            pointsValue += line.PointsValue;
            pointsToEarn += line.PointsToEarn;
        }
        return new PricingResult(
            ImmutableCollectionsMarshal.AsImmutableArray(lines), [.. _discounts], [.. RejectedCoupons],
            Subtotal: subtotal,
            DiscountTotal: subtotal - total - pointsValue,
            PointsRedeemed: PointsRedeemed,
            PointsValue: pointsValue,
            Total: total,
            PointsToEarn: pointsToEarn,
            Messages: [.. Messages],
            CouponsApplied: [.. CouponsApplied],
            CampaignUsages: CampaignUsages(),
            TierId: Member?.TierId,
            IsMemberDay: IsMemberDay,
            IsBirthday: IsBirthday,
            Error: null);
    }
}

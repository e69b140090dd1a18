using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain;

/// <summary>
/// The mutable working state of one <see cref="PricingEngine.Price"/> call: lines, discounts so far,
/// campaign liveness. Never shared between threads; the engine creates one per request.
/// </summary>
internal sealed class PricingSession
{
    private const long Unlimited = long.MaxValue;

    private readonly List<Discount> _discounts = [];
    private readonly Dictionary<int, long> _campaignUsage = [];
    private readonly sbyte[] _liveness;
    private readonly long[] _remaining;

    public PricingSession(PricingEngine engine, PricingRequest request, WorkLine[] lines)
    {
        Engine = engine;
        Request = request;
        Programme = engine.Programme;
        Lines = lines;
        Date = DateOnly.FromDateTime(request.LocalTime.DateTime);
        Member = request.Member;
        if (Member is not null)
        {
            Tier = Programme.FindTier(Member.TierId) ?? (Programme.Tiers.IsDefaultOrEmpty ? null : Programme.Tiers[0]);
            IsBirthday = Birthdays.IsBirthday(Member.Birthday, Date);
            IsMemberDay = Programme.MemberDay?.IsMemberDay(Date) ?? false;
        }
        _liveness = new sbyte[Campaigns.Length];
        _remaining = new long[Campaigns.Length];
    }

    public PricingEngine Engine { get; }
    public PricingRequest Request { get; }
    public Programme Programme { get; }
    public WorkLine[] Lines { get; }
    public DateOnly Date { get; }
    public MemberContext? Member { get; }
    public TierDefinition? Tier { get; }
    public bool IsBirthday { get; }
    public bool IsMemberDay { get; }
    public ImmutableArray<Campaign> Campaigns => Engine.CampaignIndex.Campaigns;
    public List<RejectedCoupon> RejectedCoupons { get; } = [];
    public List<string> CouponsApplied { get; } = [];
    public List<string> Messages { get; } = [];

    /// <summary>Campaign indexes that touch at least one line, in precedence order.</summary>
    public int[] TouchedCampaigns { get; private set; } = [];

    public long PointsRedeemed { get; set; }

    /// <summary>Finds the running campaigns of every line and lets exclusive campaigns claim their lines.</summary>
    public void MatchCampaigns()
    {
        var found = new List<int>();
        var touched = new SortedSet<int>();
        foreach (var line in Lines)
        {
            found.Clear();
            Engine.CampaignIndex.Collect(line.Sku, line.CategoryKeys, found);
            if (found.Count == 0)
            {
                continue;
            }
            found.Sort();
            var kept = new List<int>(found.Count);
            var previous = -1;
            foreach (var campaign in found)
            {
                if (campaign != previous && IsLive(campaign) && CanAct(campaign, line))
                {
                    kept.Add(campaign);
                    touched.Add(campaign);
                }
                previous = campaign;
            }
            line.Campaigns = [.. kept];
            foreach (var campaign in line.Campaigns)
            {
                if (Campaigns[campaign].Stacking?.Exclusive == true)
                {
                    line.ClaimedBy = campaign;
                    break;
                }
            }
        }
        TouchedCampaigns = [.. touched];
    }

    /// <summary>Whether <paramref name="campaign"/> may act on <paramref name="line"/> given exclusive claims.</summary>
    public bool MayUse(WorkLine line, int campaign) =>
        line.ClaimedBy == campaign || (line.ClaimedBy < 0 && Campaigns[campaign].Stacking?.Exclusive != true);

    /// <summary>Budget left for a running campaign (<see cref="long.MaxValue"/> = unlimited).</summary>
    public long Remaining(int campaign) => _remaining[campaign];

    public void RecordUsage(int campaign, long amount)
    {
        if (amount <= 0)
        {
            return;
        }
        _campaignUsage[campaign] = _campaignUsage.GetValueOrDefault(campaign) + amount;
        if (_remaining[campaign] != Unlimited)
        {
            _remaining[campaign] -= amount;
        }
    }

    /// <summary>
    /// Takes <paramref name="amounts"/> (indexed like <see cref="Lines"/>) off the lines, each capped at its
    /// line's net, and records one <see cref="Discount"/>. Returns what actually came off.
    /// </summary>
    public long ApplyDiscount(string ruleId, DiscountKind kind, string label, long[] amounts)
    {
        long total = 0;
        var lineIds = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < Lines.Length; i++)
        {
            var amount = Math.Min(amounts[i], Lines[i].Net);
            if (amount <= 0)
            {
                continue;
            }
            Lines[i].Discount += amount;
            total += amount;
            lineIds.Add(Lines[i].LineId);
        }
        if (total > 0)
        {
            _discounts.Add(new Discount(ruleId, kind, label, total, lineIds.ToImmutable()));
        }
        return total;
    }

    /// <summary>Spreads <paramref name="amount"/> over the selected lines in proportion to their nets (largest remainder).</summary>
    public long[] AllocateByNet(long amount, Func<WorkLine, bool> selected)
    {
        var weights = new long[Lines.Length];
        for (var i = 0; i < Lines.Length; i++)
        {
            weights[i] = selected(Lines[i]) ? Math.Max(Lines[i].Net, 0) : 0;
        }
        return ProportionalAllocator.Allocate(amount, weights);
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
        var lines = ImmutableArray.CreateBuilder<PricedLine>(Lines.Length);
        long subtotal = 0, total = 0, pointsValue = 0, pointsToEarn = 0;
        foreach (var line in Lines)
        {
            lines.Add(new PricedLine(line.LineId, line.Sku, line.Name, line.Qty, line.WeightGrams, line.UnitPrice,
                line.Gross, line.Discount, line.Net, line.CategoryPath, line.PointsToEarn, line.PointsRedeemed));
            subtotal += line.Gross;
            total += line.Net;
            pointsValue += line.PointsValue;
            pointsToEarn += line.PointsToEarn;
        }
        var usages = ImmutableArray.CreateBuilder<CampaignUsage>(_campaignUsage.Count);
        foreach (var (campaign, amount) in _campaignUsage.OrderBy(pair => pair.Key))
        {
            usages.Add(new CampaignUsage(Campaigns[campaign].CampaignId, amount, Campaigns[campaign].Kind));
        }
        return new PricingResult(
            lines.MoveToImmutable(), [.. _discounts], [.. RejectedCoupons],
            Subtotal: subtotal,
            DiscountTotal: subtotal - total - pointsValue,
            PointsRedeemed: PointsRedeemed,
            PointsValue: pointsValue,
            Total: total,
            PointsToEarn: pointsToEarn,
            Messages: [.. Messages],
            CouponsApplied: [.. CouponsApplied],
            CampaignUsages: usages.ToImmutable(),
            TierId: Member?.TierId,
            IsMemberDay: IsMemberDay,
            IsBirthday: IsBirthday,
            Error: null);
    }

    private bool CanAct(int campaign, WorkLine line) =>
        Campaigns[campaign].GivesDiscount ? line.Discountable : line.Earnable && Member is not null;

    private bool IsLive(int index)
    {
        if (_liveness[index] == 0)
        {
            _liveness[index] = EvaluateLiveness(index) ? (sbyte)1 : (sbyte)-1;
        }
        return _liveness[index] > 0;
    }

    private bool EvaluateLiveness(int index)
    {
        var campaign = Campaigns[index];
        if (campaign.Paused || campaign.Schedule is { } schedule && !schedule.IsRunningAt(Request.LocalTime))
        {
            return false;
        }
        var target = campaign.Target ?? CampaignTarget.Everything;
        if (!target.StoreIds.IsDefaultOrEmpty && !target.StoreIds.Contains(Request.StoreId, StringComparer.Ordinal))
        {
            return false;
        }
        if (!target.Tiers.IsDefaultOrEmpty
            && (Member is null || !target.Tiers.Contains(Member.TierId, StringComparer.Ordinal)))
        {
            return false;
        }
        if (campaign.Limits?.PerMember is { } perMember)
        {
            if (Member is null || (Member.CampaignUsage?.GetValueOrDefault(campaign.CampaignId) ?? 0) >= perMember)
            {
                return false;
            }
        }
        _remaining[index] = RemainingBudget(campaign);
        return _remaining[index] > 0;
    }

    private long RemainingBudget(Campaign campaign)
    {
        if (Request.RemainingCampaignBudgets is { } budgets && budgets.TryGetValue(campaign.CampaignId, out var remaining))
        {
            return remaining ?? Unlimited;
        }
        return campaign.Limits?.Budget ?? Unlimited;
    }
}

namespace OrleansLoyalty.Domain;

/// <summary>
/// The session's campaigns: which ones run for this request (evaluated at most once each, and only for campaigns
/// some line could use), which of them each line gets, and the reverse — the lines each campaign reaches — so the
/// steps walk a campaign's own lines instead of searching every line's list.
/// </summary>
internal sealed partial class PricingSession
{
    /// <summary>Per campaign index; only the entries listed in <see cref="_evaluated"/> differ from the default.</summary>
    private CampaignState[] _campaigns = [];

    /// <summary>Campaigns whose state this quote set, so the next quote resets just those (not every campaign).</summary>
    private readonly List<int> _evaluated = [];

    /// <summary>Every line's running campaigns, one run after another (see <see cref="WorkLine.CampaignStart"/>).</summary>
    private int[] _lineCampaigns = new int[256];
    private int _lineCampaignCount;

    /// <summary>Every touched campaign's line indexes, one run after another (see <see cref="CampaignState.LineStart"/>).</summary>
    private int[] _campaignLines = new int[256];

    /// <summary>One bit per campaign index, set when the campaign reaches a line: read in order, they list the
    /// touched campaigns in precedence order without sorting.</summary>
    private ulong[] _touchedBits = [];

    private int[] _touched = new int[64];
    private int _touchedCount;

    /// <summary>Campaign indexes that reach at least one line, in precedence order.</summary>
    public ReadOnlySpan<int> TouchedCampaigns => _touched.AsSpan(0, _touchedCount);

    public CampaignRule Rule(int campaign) => _rules[campaign];

    /// <summary>The running campaigns of <paramref name="line"/>, in precedence order.</summary>
    public ReadOnlySpan<int> CampaignsOf(WorkLine line) => _lineCampaigns.AsSpan(line.CampaignStart, line.CampaignCount);

    /// <summary>The indexes of the lines a touched campaign reaches, ascending.</summary>
    public ReadOnlySpan<int> LinesOf(int campaign) => _campaignLines.AsSpan(_campaigns[campaign].LineStart, _campaigns[campaign].LineCount);

    /// <summary>Finds the running campaigns of every line and lets exclusive campaigns claim their lines.</summary>
    public void MatchCampaigns()
    {
        var index = Engine.CampaignIndex;
        foreach (var line in Lines)
        {
            line.CampaignStart = _lineCampaignCount;
            // Both lists are ascending: merge them, dropping a campaign that targets the line both ways.
            var byCategory = line.Profile.Campaigns.AsSpan();
            var bySku = index.ForSku(line.Sku);
            int c = 0, s = 0;
            while (c < byCategory.Length || s < bySku.Length)
            {
                int campaign;
                if (s == bySku.Length || (c < byCategory.Length && byCategory[c] < bySku[s]))
                {
                    campaign = byCategory[c++];
                }
                else if (c == byCategory.Length || bySku[s] < byCategory[c])
                {
                    campaign = bySku[s++];
                }
                else
                {
                    campaign = byCategory[c++];
                    s++;
                }
                if (IsLive(campaign) && CanAct(campaign, line))
                {
                    Keep(campaign);
                }
            }
            line.CampaignCount = _lineCampaignCount - line.CampaignStart;
            foreach (var campaign in CampaignsOf(line))
            {
                if (_rules[campaign].Exclusive)
                {
                    line.ClaimedBy = campaign;
                    break;
                }
            }
        }
        ListTouchedInOrder();
        IndexLinesByCampaign();
    }

    /// <summary>Whether <paramref name="campaign"/> may act on <paramref name="line"/> given exclusive claims.</summary>
    public bool MayUse(WorkLine line, int campaign) =>
        line.ClaimedBy == campaign || (line.ClaimedBy < 0 && !_rules[campaign].Exclusive);

    /// <summary>Budget left for a running campaign (<see cref="long.MaxValue"/> = unlimited).</summary>
    public long Remaining(int campaign) => _campaigns[campaign].Remaining;

    public void RecordUsage(int campaign, long amount)
    {
        if (amount <= 0)
        {
            return;
        }
        ref var state = ref _campaigns[campaign];
        state.Used += amount;
        if (state.Remaining != CampaignLiveness.Unlimited)
        {
            state.Remaining -= amount;
        }
    }

    private void BeginCampaigns(int campaignCount)
    {
        EndCampaigns();
        if (_campaigns.Length < campaignCount)
        {
            _campaigns = new CampaignState[campaignCount];
            _touchedBits = new ulong[(campaignCount + 63) / 64];
        }
    }

    private void EndCampaigns()
    {
        foreach (var campaign in _evaluated)
        {
            _campaigns[campaign] = default;
        }
        _evaluated.Clear();
        _lineCampaignCount = 0;
        _touchedCount = 0;
        _touchedBits.AsSpan().Clear();
    }

    private void Keep(int campaign)
    {
        Append(ref _lineCampaigns, _lineCampaignCount++, campaign);
        if (_campaigns[campaign].LineCount++ == 0)
        {
            _touchedBits[campaign >> 6] |= 1UL << (campaign & 63);
        }
    }

    private void ListTouchedInOrder()
    {
        for (var word = 0; word < _touchedBits.Length; word++)
        {
            for (var bits = _touchedBits[word]; bits != 0; bits &= bits - 1)
            {
                Append(ref _touched, _touchedCount++, (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits));
            }
        }
    }

    /// <summary>Lays out each touched campaign's lines one run after another, in line order.</summary>
    private void IndexLinesByCampaign()
    {
        var start = 0;
        foreach (var campaign in TouchedCampaigns)
        {
            ref var state = ref _campaigns[campaign];
            state.LineStart = start;
            start += state.LineCount;
            state.LineCount = 0;
        }
        if (_campaignLines.Length < start)
        {
            _campaignLines = new int[Math.Max(start, _campaignLines.Length * 2)];
        }
        foreach (var line in Lines)
        {
            foreach (var campaign in CampaignsOf(line))
            {
                ref var state = ref _campaigns[campaign];
                _campaignLines[state.LineStart + state.LineCount++] = line.Index;
            }
        }
    }

    private static void Append(ref int[] buffer, int at, int value)
    {
        if (at == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        buffer[at] = value;
    }

    private ImmutableArray<CampaignUsage> CampaignUsages()
    {
        var count = 0;
        foreach (var campaign in TouchedCampaigns)
        {
            count += _campaigns[campaign].Used > 0 ? 1 : 0;
        }
        var usages = ImmutableArray.CreateBuilder<CampaignUsage>(count);
        foreach (var campaign in TouchedCampaigns)
        {
            if (_campaigns[campaign].Used > 0)
            {
                var definition = _rules[campaign].Campaign;
                usages.Add(new CampaignUsage(definition.CampaignId, _campaigns[campaign].Used, definition.Kind));
            }
        }
        return usages.MoveToImmutable();
    }

    private bool CanAct(int campaign, WorkLine line) =>
        _rules[campaign].GivesDiscount ? line.Discountable : line.Earnable && Member is not null;

    private bool IsLive(int campaign)
    {
        ref var state = ref _campaigns[campaign];
        if (state.Liveness == 0)
        {
            _evaluated.Add(campaign);
            state.Liveness = CampaignLiveness.IsRunning(_rules[campaign], this, out state.Remaining) ? (sbyte)1 : (sbyte)-1;
        }
        return state.Liveness > 0;
    }

    /// <summary>What this quote knows about one campaign.</summary>
    private struct CampaignState
    {
        /// <summary>0 not evaluated yet, 1 running for this request, -1 not.</summary>
        public sbyte Liveness;

        /// <summary>Budget left (fen or points); <see cref="long.MaxValue"/> without one.</summary>
        public long Remaining;

        /// <summary>What it gave in this basket.</summary>
        public long Used;

        /// <summary>Its run in <see cref="_campaignLines"/> (while matching, LineCount counts its lines).</summary>
        public int LineStart;
        public int LineCount;
    }
}

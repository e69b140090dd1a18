namespace OrleansLoyalty.Domain;

/// <summary>
/// A campaign as a quote reads it: the fields every step asks for, flattened, and its receipt strings made once
/// when the engine is built (a quote used to format <c>campaign:{id}</c> and <c>满100减20</c> afresh each time).
/// </summary>
internal sealed class CampaignRule
{
    public CampaignRule(Campaign campaign)
    {
        Campaign = campaign;
        Kind = campaign.Kind;
        Reward = campaign.Reward;
        Exclusive = campaign.Stacking?.Exclusive == true;
        GivesDiscount = campaign.GivesDiscount;
        RuleId = $"campaign:{campaign.CampaignId}";
        Label = campaign.Kind switch
        {
            CampaignKind.PercentOff => DiscountLabels.ZheFromPercent(campaign.Reward.Percent),
            CampaignKind.AmountOffOver => DiscountLabels.AmountOffOver(campaign.Reward.Threshold, campaign.Reward.Amount),
            _ => "",
        };
        var target = campaign.Target ?? CampaignTarget.Everything;
        StoreIds = target.StoreIds.IsDefault ? [] : target.StoreIds;
        Tiers = target.Tiers.IsDefault ? [] : target.Tiers;
        Segments = target.Segments.IsDefault ? [] : target.Segments;
        PerMember = campaign.Limits?.PerMember;
        Budget = campaign.Limits?.Budget;
        var schedule = campaign.Schedule;
        RunsAlways = schedule is null
            || (schedule.From is null && schedule.To is null && schedule.Weekdays.IsDefaultOrEmpty && schedule.DailyStart is null && schedule.DailyEnd is null);
    }

    public Campaign Campaign { get; }
    public CampaignKind Kind { get; }
    public CampaignReward Reward { get; }

    /// <summary>Takes the lines it targets out of every other campaign (不与其他促销同享).</summary>
    public bool Exclusive { get; }

    /// <summary>Takes money off (percentOff, amountOffOver) rather than giving points.</summary>
    public bool GivesDiscount { get; }

    /// <summary><c>campaign:{id}</c>, the <see cref="Discount.RuleId"/> of what it takes off.</summary>
    public string RuleId { get; }

    /// <summary>The receipt label of a discount kind (<c>8折</c>, <c>满100减20</c>); empty for points kinds.</summary>
    public string Label { get; }

    /// <summary>Stores it runs in; empty = every store.</summary>
    public ImmutableArray<string> StoreIds { get; }

    /// <summary>Tiers it is for; empty = everyone, anonymous shoppers included.</summary>
    public ImmutableArray<string> Tiers { get; }

    /// <summary>Purchase-analysis segments it is for; empty = everyone.</summary>
    public ImmutableArray<string> Segments { get; }

    /// <summary>Baskets per member; null = unlimited (and open to anonymous shoppers).</summary>
    public int? PerMember { get; }

    /// <summary>Total budget when the request does not say what is left; null = unlimited.</summary>
    public long? Budget { get; }

    /// <summary>No dates, weekdays or hours: running whenever it is not paused.</summary>
    public bool RunsAlways { get; }
}

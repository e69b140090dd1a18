namespace OrleansLoyalty.Domain;

/// <summary>Checks a campaign before it is saved (<c>POST /campaigns</c>).</summary>
public static class CampaignValidator
{
    public static IReadOnlyList<string> Validate(Campaign? campaign)
    {
        var errors = new List<string>();
        if (campaign is null)
        {
            errors.Add("campaign is required");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(campaign.CampaignId))
        {
            errors.Add("campaignId is required");
        }
        if (campaign.Schedule is null || campaign.Target is null || campaign.Reward is null
            || campaign.Limits is null || campaign.Stacking is null)
        {
            errors.Add("schedule, target, reward, limits and stacking are required");
            return errors;
        }
        if (campaign.Schedule.From is { } from && campaign.Schedule.To is { } to && to < from)
        {
            errors.Add("schedule.to must not be before schedule.from");
        }
        var reward = campaign.Reward;
        switch (campaign.Kind)
        {
            case CampaignKind.PercentOff when reward.Percent is <= 0 or > 100:
                errors.Add("reward.percent must be between 1 and 100");
                break;
            case CampaignKind.AmountOffOver when reward.Amount <= 0 || reward.Threshold < 0:
                errors.Add("reward.amount must be positive and reward.threshold not negative");
                break;
            case CampaignKind.PointsMultiplier when reward.Multiplier < 10:
                errors.Add("reward.multiplier is in tenths and must be at least 10 (1.0×)");
                break;
            case CampaignKind.BonusPoints when reward.Points <= 0 || reward.Threshold < 0:
                errors.Add("reward.points must be positive and reward.threshold not negative");
                break;
        }
        if (!Enum.IsDefined(campaign.Kind))
        {
            errors.Add("kind is not a known campaign kind");
        }
        if (!campaign.Target.Segments.IsDefault)
        {
            foreach (var segment in campaign.Target.Segments.Where(s => !Segment.IsKnown(s)))
            {
                errors.Add($"target.segments: '{segment}' is not a segment ({string.Join(", ", Segment.All)})");
            }
        }
        if (campaign.Limits.PerMember is <= 0)
        {
            errors.Add("limits.perMember must be positive when set");
        }
        if (campaign.Limits.Budget is < 0)
        {
            errors.Add("limits.budget must not be negative");
        }
        return errors;
    }
}

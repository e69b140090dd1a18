using System.Collections.Immutable;
using System.Globalization;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Administration;

/// <summary>From the request to the domain <see cref="Campaign"/>, with every field problem named.</summary>
public static class CampaignMapping
{
    public static readonly string[] Kinds = ["percentOff", "amountOffOver", "pointsMultiplier", "bonusPoints"];

    public static Campaign? ToCampaign(CampaignRequest request, Rules rules)
    {
        rules.CallerId("campaignId", request.CampaignId).Text("name", request.Name, 100)
            .OneOf("kind", request.Kind, Kinds, required: true);
        var schedule = Schedule(request.Schedule, rules);
        var target = request.Target;
        var reward = request.Reward;
        var campaign = new Campaign(
            request.CampaignId ?? "",
            request.Name?.Trim() ?? "",
            request.Kind is null ? CampaignKind.PercentOff : Enum.TryParse<CampaignKind>(request.Kind, ignoreCase: true, out var kind) ? kind : CampaignKind.PercentOff,
            schedule,
            new CampaignTarget(List(target?.Tiers, "target.tiers", rules), StoreIds(target?.StoreIds, rules),
                List(target?.CategoryPath, "target.categoryPath", rules), List(target?.Skus, "target.skus", rules))
            {
                Segments = List(target?.Segments, "target.segments", rules),
            },
            new CampaignReward(reward?.Percent ?? 0, reward?.Threshold ?? 0, reward?.Amount ?? 0, reward?.Multiplier ?? 0, reward?.Points ?? 0),
            new CampaignLimits(request.Limits?.PerMember, request.Limits?.Budget),
            new CampaignStacking(request.Stacking?.Exclusive ?? false, request.Stacking?.Priority ?? 0),
            request.Paused ?? false);
        if (request.Reward is null)
        {
            rules.Add("reward", "is required");
        }
        rules.AddAll(CampaignValidator.Validate(campaign));
        return campaign;
    }

    private static CampaignSchedule Schedule(CampaignScheduleRequest? s, Rules rules)
    {
        if (s is null)
        {
            return CampaignSchedule.Always;
        }
        var weekdays = ImmutableArray.CreateBuilder<DayOfWeek>();
        for (var i = 0; i < (s.Weekdays?.Length ?? 0); i++)
        {
            if (Enum.TryParse<DayOfWeek>(s.Weekdays![i], ignoreCase: true, out var day) && !int.TryParse(s.Weekdays[i], out _))
            {
                weekdays.Add(day);
            }
            else
            {
                rules.Add($"schedule.weekdays[{i}]", "must be monday, tuesday, wednesday, thursday, friday, saturday or sunday");
            }
        }
        return new CampaignSchedule(rules.Date("schedule.from", s.From), rules.Date("schedule.to", s.To), weekdays.ToImmutable(),
            Time("schedule.dailyStart", s.DailyStart, rules), Time("schedule.dailyEnd", s.DailyEnd, rules));
    }

    private static TimeOnly? Time(string field, string? value, Rules rules)
    {
        if (value is null)
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        rules.Add(field, "must be a time as HH:mm");
        return null;
    }

    private static ImmutableArray<string> StoreIds(string[]? storeIds, Rules rules)
    {
        for (var i = 0; i < (storeIds?.Length ?? 0); i++)
        {
            rules.StoreId($"target.storeIds[{i}]", storeIds![i]);
        }
        return storeIds is null ? [] : [.. storeIds];
    }

    private static ImmutableArray<string> List(string[]? values, string field, Rules rules)
    {
        for (var i = 0; i < (values?.Length ?? 0); i++)
        {
            rules.Text($"{field}[{i}]", values![i], 64);
        }
        return values is null ? [] : [.. values];
    }
}

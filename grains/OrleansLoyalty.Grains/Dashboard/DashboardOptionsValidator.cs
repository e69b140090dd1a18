using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Refuses options that would make every dashboard fail later, at start-up instead.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        foreach (var (store, zone) in options.StoreTimeZones.Append(new("(default)", options.DefaultTimeZone)))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                failures.Add($"Dashboard time zone '{zone}' of store {store} is unknown.");
            }
        }
        if (options.PublishInterval < TimeSpan.FromMilliseconds(20) || options.PublishInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add("Dashboard:PublishInterval must be between 20 ms and 10 s.");
        }
        if (options.ActivityLength is < 1 or > 500)
        {
            failures.Add("Dashboard:ActivityLength must be between 1 and 500.");
        }
        if (options.TopCategories is < 1 or > 100)
        {
            failures.Add("Dashboard:TopCategories must be between 1 and 100.");
        }
        if (options.LaneOnlineWindow <= TimeSpan.Zero)
        {
            failures.Add("Dashboard:LaneOnlineWindow must be positive.");
        }
        if (options.GatewaySilence < TimeSpan.FromSeconds(2))
        {
            failures.Add("Dashboard:GatewaySilence must be at least 2 s (gateways probe every second).");
        }
        if (options.HousekeepingInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Dashboard:HousekeepingInterval must be at least 1 s.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

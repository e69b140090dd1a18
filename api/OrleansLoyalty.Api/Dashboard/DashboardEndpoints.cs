using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>SignalR, the dashboard policy, the feeds and the Orleans-backed source (replaceable by registering an <see cref="IDashboardSource"/> first).</summary>
    public static IServiceCollection AddLoyaltyDashboard(this IServiceCollection services)
    {
        services.AddSignalR();
        services.TryAddSingleton<Auth.TokenRevocations>();
        services.TryAddSingleton<Auth.LiveConnections>();
        services.AddOptions<DashboardHubOptions>()
            .BindConfiguration(DashboardHubOptions.SectionName)
            .Validate(o => o.UpdateInterval >= TimeSpan.FromMilliseconds(20) && o.UpdateInterval <= TimeSpan.FromSeconds(10),
                "Dashboard:Hub:UpdateInterval must be between 20 ms and 10 s.")
            .Validate(o => o.ActivityLength is >= 1 and <= 500, "Dashboard:Hub:ActivityLength must be between 1 and 500.")
            .ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(DashboardAccess.PolicyName, DashboardAccess.Policy);
        services.TryAddSingleton<IDashboardSource, OrleansDashboardSource>();
        services.TryAddKeyedSingleton<TimeProvider>(DashboardHubClock.ServiceKey, (sp, _) => sp.GetService<TimeProvider>() ?? TimeProvider.System);
        services.TryAddSingleton<DashboardFeeds>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, DashboardAccessTokenPostConfigure>());
        return services;
    }

    /// <summary>
    /// Maps the hub at <see cref="DashboardHub.Path"/>. A connection ends when the token it opened with expires (the
    /// close allows reconnecting): the console then reconnects with its renewed token, and a session that could not be
    /// renewed stops receiving figures instead of watching them forever.
    /// </summary>
    public static HubEndpointConventionBuilder MapLoyaltyDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<DashboardHub>(DashboardHub.Path, o => o.CloseOnAuthenticationExpiration = true);

    private sealed class DashboardAccessTokenPostConfigure : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options) => DashboardAccessToken.ReadFromQueryString(options);
    }
}

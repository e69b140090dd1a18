using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Dashboard;

public static class DashboardSiloBuilderExtensions
{
    private const string PubSubStore = "PubSubStore";

    /// <summary>
    /// The event stream provider (memory streams, polled every 25 ms so that a sale reaches a browser
    /// well within half a second) and the dashboard services. Adds an in-memory "PubSubStore" (where
    /// the api's subscriptions to update streams live) unless the silo has one: subscriptions to
    /// memory streams must not outlive them.
    /// </summary>
    public static ISiloBuilder AddLoyaltyDashboard(this ISiloBuilder silo)
    {
        if (!silo.Services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, PubSubStore) && d.ServiceType == typeof(IGrainStorage)))
        {
            silo.AddMemoryGrainStorage(PubSubStore);
        }
        silo.AddMemoryStreams(LoyaltyStreams.ProviderName, streams =>
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(25))));
        silo.Services.AddLoyaltyDashboardServices();
        return silo;
    }

    /// <summary>Options, history, time zones, the event publisher and the dashboards' clock; each replaceable by registering it first.</summary>
    public static IServiceCollection AddLoyaltyDashboardServices(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.AddOptions<DashboardHistoryOptions>()
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString ??= configuration["Database:ConnectionString"]);
        services.TryAddSingleton<IStoreTimeZones, ConfiguredStoreTimeZones>();
        services.TryAddSingleton<IDashboardHistory, NpgsqlDashboardHistory>();
        services.TryAddSingleton<ILoyaltyEventPublisher, StreamLoyaltyEventPublisher>();
        services.TryAddKeyedSingleton<TimeProvider>(DashboardClock.ServiceKey, (sp, _) => sp.GetService<TimeProvider>() ?? TimeProvider.System);
        return services;
    }
}

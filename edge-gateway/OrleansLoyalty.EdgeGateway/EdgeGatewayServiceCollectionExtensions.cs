using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Health;
using OrleansLoyalty.EdgeGateway.Input;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Lanes;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Offline;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway;

public static class EdgeGatewayServiceCollectionExtensions
{
    /// <summary>
    /// The whole gateway, configured from section <c>Gateway</c>. Register an <see cref="ILaneBackend"/>
    /// first to choose the cluster side; otherwise <c>Gateway:Cluster:Mode=Standalone</c> gets
    /// <see cref="StandaloneLaneBackend"/>.
    /// </summary>
    public static IServiceCollection AddEdgeGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<GatewayOptions>, CredentialsFilePostConfigure>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ILaneBackend, StandaloneLaneBackend>();

        services.AddSingleton<GatewayInstruments>();
        services.AddSingleton<BadInputLogLimiter>();
        services.AddSingleton<DeviceEventParser>();
        services.AddSingleton<ClusterConnectivity>();
        services.AddSingleton<OfflineDebt>();
        services.AddSingleton<OfflineCatalogStore>();
        services.AddSingleton<OfflineRulesStore>();
        services.AddSingleton<OfflinePricing>();
        services.AddSingleton<OfflineMemberTiers>();
        services.AddSingleton<InboundMessageQueue>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return EventJournal.Open(options.JournalPath, options.JournalSegmentBytes, options.DedupeWindowPerLane, provider.GetRequiredService<ILogger<EventJournal>>());
        });
        services.AddSingleton<GatewayMqttConnection>();
        services.AddSingleton<IMqttPublisher>(provider => provider.GetRequiredService<GatewayMqttConnection>());
        services.AddSingleton<LanePublisher>();
        services.AddSingleton<LaneRegistry>();
        services.AddSingleton<DeviceEventIntake>();
        services.AddSingleton<GatewayStatusService>();
        services.AddSingleton<ConnectivityMonitor>();
        services.AddSingleton<CatalogRefreshService>();
        services.AddSingleton<HealthEndpoint>();

        // Hosts stop in reverse order: lanes first (while MQTT can still publish), the connection last.
        services.AddHostedService(provider => provider.GetRequiredService<GatewayMqttConnection>());
        services.AddHostedService(provider => provider.GetRequiredService<DeviceEventIntake>());
        services.AddHostedService(provider => provider.GetRequiredService<ConnectivityMonitor>());
        services.AddHostedService(provider => provider.GetRequiredService<CatalogRefreshService>());
        services.AddHostedService(provider => provider.GetRequiredService<GatewayStatusService>());
        services.AddHostedService(provider => provider.GetRequiredService<HealthEndpoint>());
        services.AddHostedService(provider => provider.GetRequiredService<LaneRegistry>());
        return services;
    }
}

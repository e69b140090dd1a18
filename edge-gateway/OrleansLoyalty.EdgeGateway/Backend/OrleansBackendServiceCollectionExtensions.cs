using Microsoft.Extensions.DependencyInjection;

namespace OrleansLoyalty.EdgeGateway.Backend;

public static class OrleansBackendServiceCollectionExtensions
{
    /// <summary>The cluster side of the gateway through Orleans; call before <c>AddEdgeGateway</c>.</summary>
    public static IServiceCollection AddOrleansLaneBackend(this IServiceCollection services)
    {
        services.AddSingleton<OrleansLaneBackend>();
        services.AddSingleton<ILaneBackend>(provider => provider.GetRequiredService<OrleansLaneBackend>());
        // First hosted service: starts joining at once (in the background) and leaves last.
        services.AddHostedService(provider => provider.GetRequiredService<OrleansLaneBackend>());
        return services;
    }
}

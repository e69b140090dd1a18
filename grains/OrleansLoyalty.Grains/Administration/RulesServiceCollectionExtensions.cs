using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansLoyalty.Grains.Administration;

public static class RulesServiceCollectionExtensions
{
    /// <summary>The rules' store in PostgreSQL and the replicator that loads them into this silo (needs an NpgsqlDataSource).</summary>
    public static IServiceCollection AddLoyaltyRulesReplication(this IServiceCollection services)
    {
        services.AddLoyaltyRules();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RulesReplicator>());
        return services;
    }

    /// <summary>The same for a process that prices without a silo: the replicator runs as a hosted service.</summary>
    public static IServiceCollection AddLoyaltyRulesReplicationOutsideSilo(this IServiceCollection services)
    {
        services.AddLoyaltyRules();
        services.AddHostedService<RulesReplicatorService>();
        return services;
    }

    private static IServiceCollection AddLoyaltyRules(this IServiceCollection services)
    {
        services.AddOptions<RulesReplicationOptions>().BindConfiguration(RulesReplicationOptions.SectionName)
            .Validate(o => o.PollInterval >= RulesReplicationOptions.MinPollInterval && o.PollInterval <= RulesReplicationOptions.MaxPollInterval,
                $"Rules:PollInterval must be from {RulesReplicationOptions.MinPollInterval} to {RulesReplicationOptions.MaxPollInterval}")
            .ValidateOnStart();
        services.TryAddSingleton<Pricing.MemberSegments>();
        services.TryAddSingleton<RulesReader>();
        services.TryAddSingleton<RulesWriter>();
        services.TryAddSingleton<RulesReplicator>();
        return services;
    }
}

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using OrleansLoyalty.Grains.Administration;
using OrleansLoyalty.Grains;
using OrleansLoyalty.Grains.Cards;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Dashboard;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.Reporting;
using OrleansLoyalty.Grains.Ledger;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Security;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>Everything a loyalty silo needs, in one place, for the standalone silo and the api that co-hosts one.</summary>
public static class LoyaltySiloExtensions
{
    public static ISiloBuilder AddLoyaltySilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(LoyaltyClusterOptions.SectionName).Get<LoyaltyClusterOptions>() ?? new LoyaltyClusterOptions();
        var connectionString = DatabaseConnection.Require(configuration);

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseLoyaltyPostgres(connectionString);
        silo.AddLoyaltyDashboard();
        silo.AddLoyaltyClusterDashboard(configuration);
        silo.Services.AddLoyaltyGrainServices(configuration, connectionString);
        return silo;
    }

    /// <summary>The services grains depend on. Public so tests can give a test cluster the same ones.</summary>
    public static IServiceCollection AddLoyaltyGrainServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddLoyaltyInProcessServices(configuration, connectionString);
        services.AddOptions<CardOptions>().BindConfiguration(CardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CheckoutRecoveryService>();
        services.AddHostedService<CheckoutPlanPruning>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentPinOptions>().BindConfiguration(PaymentPinOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddLoyaltyNotifications(configuration);
        services.AddLoyaltyAnalysis();
        services.AddLoyaltyRulesReplication();
        return services;
    }

    /// <summary>
    /// What an api that is only a cluster client (<c>Orleans:Mode=client</c>) runs in its own process, as a co-hosted
    /// silo would for it: quoting and committing through the cluster's grains with locally replicated rules, member
    /// codes, the personal-data protector. The silos' own duties (recovering checkouts, delivering the outbox, the
    /// purchase analysis) stay with the silos.
    /// </summary>
    public static IServiceCollection AddLoyaltyClientServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddLoyaltyInProcessServices(configuration, connectionString);
        services.AddLoyaltyRulesReplicationOutsideSilo();
        return services;
    }

    private static void AddLoyaltyInProcessServices(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(LoyaltyClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(_ => DatabaseConnection.CreateDataSource(connectionString));
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddSingleton<PersonalDataProtector>();
        services.AddOptions<MemberAppCodeOptions>().BindConfiguration(MemberAppCodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<MemberAppCodes>();
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MemberOptions>().BindConfiguration(MemberOptions.SectionName);
        services.TryAddSingleton<ProgrammeHolder>();
        services.TryAddSingleton<IProgrammeSource>(sp => sp.GetRequiredService<ProgrammeHolder>());
        services.TryAddSingleton<PricingEngines>();
        services.TryAddSingleton<BasketPricer>();
        services.TryAddSingleton<Quoter>();
        services.TryAddSingleton<SalePlanner>();
        services.TryAddSingleton<PaymentPinGate>();
        services.TryAddSingleton<SaleSettlement>();
        services.TryAddSingleton<Committer>();
        services.TryAddSingleton<ICheckoutStore, PostgresCheckoutStore>();
        services.AddLoyaltyWeChat(configuration);
    }
}

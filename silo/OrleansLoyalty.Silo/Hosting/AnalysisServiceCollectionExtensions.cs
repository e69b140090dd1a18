using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Silo.Hosting;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>The purchase analysis (docs/reports.md): the run, for the api's "run now", and its nightly schedule.</summary>
    public static IServiceCollection AddLoyaltyAnalysis(this IServiceCollection services)
    {
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<MemberAnalysisRun>();
        services.AddHostedService<MemberAnalysisSchedule>();
        return services;
    }
}

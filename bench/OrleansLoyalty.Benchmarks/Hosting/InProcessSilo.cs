using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>A real loyalty silo on PostgreSQL in this process, wired exactly like the api co-hosts one.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessSilo> Start(BenchSettings settings, string connectionString, bool workloadRules = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.SiloConfiguration(connectionString));
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddLoyaltySilo(builder.Configuration));
        var host = builder.Build();
        if (workloadRules)
        {
            await WorkloadRules.SaveAsync(host.Services, CancellationToken.None);
        }
        await host.StartAsync();
        if (workloadRules)
        {
            WorkloadRules.LoadInto(host.Services.GetRequiredService<PricingEngines>());
        }
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}

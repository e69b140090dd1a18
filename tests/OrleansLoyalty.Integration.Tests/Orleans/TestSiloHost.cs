using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>A real silo on loopback, configured exactly as production through UseLoyaltyPostgres.</summary>
internal sealed class TestSiloHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSiloHost(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<TestSiloHost> StartAsync(
        string connectionString, TestClusterIdentity identity, Action<ISiloBuilder>? customise = null)
    {
        var ports = FreePorts.Take(2);
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ServiceId = identity.ServiceId;
                    options.ClusterId = identity.ClusterId;
                });
                silo.ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1]);
                silo.UseLoyaltyPostgres(connectionString);
                // Fast failure detection so a stopped silo is declared dead within seconds.
                silo.Configure<ClusterMembershipOptions>(options =>
                {
                    options.ProbeTimeout = TimeSpan.FromSeconds(1);
                    options.NumMissedProbesLimit = 2;
                    options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                    options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                });
                silo.Configure<ReminderOptions>(options =>
                {
                    options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                    options.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
                });
                customise?.Invoke(silo);
            })
            .Build();
        await host.StartAsync();
        return new TestSiloHost(host, ports[0], ports[1]);
    }

    /// <summary>Graceful stop: the silo deactivates its grains and marks itself Dead.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
    }

    /// <summary>
    /// Ungraceful stop, the nearest to a crash inside one process: the silo gets no time to shut down
    /// cleanly, so the surviving silos have to notice on their own.
    /// </summary>
    public async Task KillAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync(new CancellationToken(canceled: true));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _host.Dispose();
    }
}

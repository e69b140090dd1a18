using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>An external Orleans client that finds gateways through the PostgreSQL membership table.</summary>
internal sealed class TestClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClientHost(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<TestClientHost> StartAsync(string connectionString, TestClusterIdentity identity)
    {
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options =>
                {
                    options.ServiceId = identity.ServiceId;
                    options.ClusterId = identity.ClusterId;
                });
                client.UseLoyaltyPostgresClustering(connectionString);
                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
                client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
            })
            .Build();
        await host.StartAsync();
        return new TestClientHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

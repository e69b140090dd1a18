using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Journal;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>The real gateway in this process, against the real broker, with a fake cluster and fake time.</summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly IHost _host;

    private InProcessGateway(IHost host, GatewaySetup setup)
    {
        _host = host;
        Setup = setup;
        Metrics = new GatewayMetrics(host.Services.GetRequiredService<IMeterFactory>());
    }

    public GatewaySetup Setup { get; }

    public GatewayMetrics Metrics { get; }

    public IServiceProvider Services => _host.Services;

    public EventJournal Journal => Services.GetRequiredService<EventJournal>();

    public static async Task<InProcessGateway> StartAsync(GatewaySetup setup)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(setup.Configuration());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(setup.Time);
        builder.Services.AddSingleton<ILaneBackend>(setup.Backend);
        builder.Services.AddEdgeGateway(builder.Configuration);
        var host = builder.Build();
        var gateway = new InProcessGateway(host, setup);
        await host.StartAsync();
        await Eventually.UntilAsync(() => gateway.Services.GetRequiredService<Mqtt.GatewayMqttConnection>().IsReady, "the gateway to connect and subscribe");
        return gateway;
    }

    /// <summary>Moves fake time on by one probe interval, so the gateway checks the cluster again.</summary>
    public void NudgeProbe() => Setup.Time.Advance(ProbeInterval);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        Metrics.Dispose();
        _host.Dispose();
    }
}

/// <summary>Everything that outlives one gateway instance in a test: store, journal folder, session id, cluster, clock.</summary>
public sealed class GatewaySetup : IDisposable
{
    public GatewaySetup(string storeId)
    {
        StoreId = storeId;
        JournalPath = Path.Combine(Path.GetTempPath(), "loyalty-gw-tests", Guid.NewGuid().ToString("N"));
        ClientId = $"gateway-test-{Guid.NewGuid():N}";
    }

    public string StoreId { get; }
    public string JournalPath { get; }
    public string ClientId { get; }
    public FakeLaneBackend Backend { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>Settings a test changes on top of <see cref="Configuration"/> (e.g. the broker's TLS listener).</summary>
    public Dictionary<string, string?> Overrides { get; } = [];

    public Dictionary<string, string?> Configuration()
    {
        var (username, password) = TestBroker.Gateway(StoreId);
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:StoreId"] = StoreId,
            ["Gateway:JournalPath"] = JournalPath,
            ["Gateway:Mqtt:Host"] = "127.0.0.1",
            ["Gateway:Mqtt:Port"] = TestBroker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:Mqtt:Username"] = username,
            ["Gateway:Mqtt:Password"] = password,
            ["Gateway:Mqtt:ClientId"] = ClientId,
            ["Gateway:Mqtt:SessionExpiry"] = "00:02:00",
            ["Gateway:Cluster:Mode"] = "Standalone",
            ["Gateway:Cluster:ProbeInterval"] = ProbeIntervalText,
            ["Gateway:SeedCatalogPath"] = WriteSeedCatalog(),
            ["Gateway:SeedRulesPath"] = WriteSeed("rules", TestRules.Snapshot(StoreId)),
        };
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The catalog a store has before it ever reached the cluster (same as the fake cluster's).</summary>
    public string WriteSeedCatalog() => WriteSeed("catalog", TestCatalog.Snapshot(StoreId));

    /// <summary>The pricing rules a store has before it ever reached the cluster (same as the fake cluster's).</summary>
    public string WriteSeed<T>(string kind, T snapshot)
    {
        var path = Path.Combine(Path.GetTempPath(), "loyalty-gw-tests", $"seed-{kind}-{StoreId}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(snapshot, Json.GatewayJson.Options));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(JournalPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string ProbeIntervalText => InProcessGateway.ProbeInterval.ToString();
}

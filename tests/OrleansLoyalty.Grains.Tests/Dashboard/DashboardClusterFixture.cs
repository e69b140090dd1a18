using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>One in-process silo with the dashboard grains, a fake history and a fake "today" (Shanghai, 22 Nov 2026, 10:00).</summary>
public sealed class DashboardClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(Start);

    public FakeDashboardHistory History { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLoyaltyDashboard();
            silo.Services.AddSingleton<IDashboardHistory>(History);
            silo.Services.AddKeyedSingleton<TimeProvider>(DashboardClock.ServiceKey, Clock);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(LoyaltyStreams.ProviderName));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Publishes through the same publisher the checkout grains use.</summary>
    public Task PublishAsync(LoyaltyEvent e) =>
        Cluster.Silos[0].ServiceProvider.GetRequiredService<ILoyaltyEventPublisher>().PublishAsync(e);

    /// <summary>Publishes facts committed together, one after another, as a checkout does with a sale and its coupons.</summary>
    public async Task PublishAsync(IReadOnlyList<LoyaltyEvent> events)
    {
        foreach (var e in events)
        {
            await PublishAsync(e);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardClusterCollection : ICollectionFixture<DashboardClusterFixture>
{
    public const string Name = "dashboard-cluster";
}

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>
/// The whole path with nothing faked but PostgreSQL: a committed event on the store's stream, the
/// dashboard grains, their update streams, the api's subscription (through the silo's own client,
/// as when the api co-hosts the silo) and the hub, to a .NET SignalR client.
/// </summary>
public sealed class DashboardEndToEndTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;
    private HubTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLoyaltyDashboard();
            silo.Services.AddSingleton<IDashboardHistory, NoHistory>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        var siloClient = _cluster.Silos[0].ServiceProvider.GetRequiredService<IClusterClient>();
        _host = await HubTestHost.StartAsync(services => services.AddSingleton(siloClient));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_committed_sale_reaches_a_store_and_a_chain_dashboard()
    {
        await using var browser = await _host.ConnectAsync(HubTestHost.Token("admin", ["admin"]));
        await browser.Connection.InvokeAsync("JoinStore", "e2e-s1");
        await browser.Connection.InvokeAsync("JoinChain");
        await browser.WaitForAsync<DashboardSnapshot>(s => s.StoreId == "e2e-s1", "the store snapshot");
        await browser.WaitForAsync<DashboardSnapshot>(s => s.Scope == DashboardScopes.Chain, "the chain snapshot");

        var publisher = _cluster.Silos[0].ServiceProvider.GetRequiredService<ILoyaltyEventPublisher>();
        await publisher.PublishAsync(new CheckoutCommitted
        {
            StoreId = "e2e-s1",
            TxnId = "t-1",
            LaneId = "03",
            At = TimeProvider.System.GetUtcNow(),
            Total = 2_500,
            CategorySales = new Dictionary<string, long> { ["食品"] = 2_500 },
        });

        var store = await browser.WaitForAsync<DashboardUpdate>(u => u.StoreId == "e2e-s1" && u.Figures.NetSales == 2_500, "the store update");
        var chain = await browser.WaitForAsync<DashboardUpdate>(u => u.Scope == DashboardScopes.Chain && u.Figures.NetSales == 2_500, "the chain update");
        Assert.Equal("03", Assert.Single(store.Lanes).LaneId);
        Assert.Equal(2_500, Assert.Single(chain.Stores).NetSales);
    }

    private sealed class NoHistory : IDashboardHistory
    {
        public Task<IReadOnlyList<LoyaltyEvent>> LoadStoreEventsAsync(string storeId, DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LoyaltyEvent>>([]);

        public Task<IReadOnlyList<string>> LoadActiveStoreIdsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }
}

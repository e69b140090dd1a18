using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansLoyalty.Api.Dashboard;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

public sealed class DashboardHubTests : IAsyncLifetime
{
    private static readonly DashboardScope Store1 = DashboardScope.ForStore("s001");
    private HubTestHost _host = null!;

    public async Task InitializeAsync() => _host = await HubTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Admin => HubTestHost.Token("admin", ["admin"]);

    private static string ManagerOf(params string[] stores) => HubTestHost.Token("mgr", ["manager"], stores);

    [Fact]
    public async Task Connecting_without_a_token_is_refused()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => _host.ConnectAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_forged_token_is_refused()
    {
        var forged = Admin[..^4] + (Admin.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => _host.ConnectAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_lane_token_may_not_open_the_dashboard()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => _host.ConnectAsync(HubTestHost.Token("lane-03", ["lane"], "s001")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_browser_may_carry_the_token_in_the_query_string()
    {
        using var http = _host.CreateHttpClient();
        var without = await http.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null);
        var with = await http.PostAsync($"/hubs/dashboard/negotiate?negotiateVersion=1&access_token={Admin}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task A_connection_ends_when_the_token_it_opened_with_expires_and_one_with_a_live_token_stays()
    {
        await using var expiring = await _host.ConnectAsync(HubTestHost.TokenExpiringIn(TimeSpan.FromSeconds(2), "mgr", ["manager"], "s001"));
        await using var live = await _host.ConnectAsync(ManagerOf("s001"));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        expiring.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // The server checks expirations once a second; the close carries no error (and allows reconnecting).
        Assert.Null(await closed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(HubConnectionState.Disconnected, expiring.Connection.State);
        Assert.Equal(HubConnectionState.Connected, live.Connection.State);
    }

    [Fact]
    public async Task A_manager_sees_their_own_store_but_not_another_nor_the_chain()
    {
        await using var manager = await _host.ConnectAsync(ManagerOf("s001", "s002"));

        await manager.Connection.InvokeAsync("JoinStore", "s002");
        var otherStore = await Assert.ThrowsAsync<HubException>(() => manager.Connection.InvokeAsync("JoinStore", "s999"));
        var chain = await Assert.ThrowsAsync<HubException>(() => manager.Connection.InvokeAsync("JoinChain"));

        Assert.Contains("auth.forbidden_store", otherStore.Message, StringComparison.Ordinal);
        Assert.Contains("auth.forbidden_chain", chain.Message, StringComparison.Ordinal);
        Assert.Equal("s002", (await manager.WaitForAsync<DashboardSnapshot>(_ => true, "the snapshot")).StoreId);
        Assert.Single(manager.Received);
    }

    [Fact]
    public async Task An_admin_sees_any_store_and_the_chain()
    {
        _host.Source.SetSnapshot(DashboardScope.Chain, Figures.Snapshot(DashboardScope.Chain, netSales: 9_999));
        await using var admin = await _host.ConnectAsync(Admin);

        await admin.Connection.InvokeAsync("JoinStore", "s777");
        await admin.Connection.InvokeAsync("JoinChain");

        var chain = await admin.WaitForAsync<DashboardSnapshot>(s => s.Scope == DashboardScopes.Chain, "the chain snapshot");
        Assert.Equal(9_999, chain.Figures.NetSales);
        await admin.WaitForAsync<DashboardSnapshot>(s => s.StoreId == "s777", "the store snapshot");
    }

    [Fact]
    public async Task A_joiner_gets_the_snapshot_at_once_then_the_updates()
    {
        _host.Source.SetSnapshot(Store1, Figures.Snapshot(Store1, netSales: 1_000, seq: 5));
        await using var browser = await _host.ConnectAsync(ManagerOf("s001"));

        await browser.Connection.InvokeAsync("JoinStore", "s001");
        await _host.Source.PushAsync(Store1, Figures.Update(Store1, seq: 4, netSales: 900)); // older than the snapshot
        await _host.Source.PushAsync(Store1, Figures.Update(Store1, seq: 6, netSales: 1_500, activityId: "sale:t6"));

        var update = await browser.WaitForAsync<DashboardUpdate>(_ => true, "an update");
        var snapshot = Assert.IsType<DashboardSnapshot>(browser.Received[0]);
        Assert.Equal(1_000, snapshot.Figures.NetSales);
        Assert.Equal(1_500, update.Figures.NetSales);
        Assert.Equal("sale:t6", Assert.Single(update.Activity).Id);
        Assert.Equal(2, browser.Received.Count);
    }

    [Fact]
    public async Task A_burst_of_thousands_of_updates_reaches_the_browser_as_a_few_merged_ones()
    {
        await using var browser = await _host.ConnectAsync(ManagerOf("s001"));
        await browser.Connection.InvokeAsync("JoinStore", "s001");

        for (var seq = 1; seq <= 5_000; seq++)
        {
            await _host.Source.PushAsync(Store1, Figures.Update(Store1, seq, netSales: seq * 10L, activityId: $"sale:{seq}"));
        }
        await browser.WaitForAsync<DashboardUpdate>(_ => true, "the first update of the burst");
        _host.Clock.Advance(TimeSpan.FromMilliseconds(250));
        var last = await browser.WaitForAsync<DashboardUpdate>(u => u.Seq == 5_000, "the merged rest of the burst");

        // One update at once, one for everything else when the next slot opened: the browser is not flooded.
        Assert.Equal(2, browser.Updates.Count);
        Assert.Equal(50_000, last.Figures.NetSales);
        Assert.Equal(20, last.Activity.Count);
        Assert.Equal("sale:5000", last.Activity[0].Id);

        // A newcomer now gets figures with the whole burst in them.
        await using var newcomer = await _host.ConnectAsync(ManagerOf("s001"));
        await newcomer.Connection.InvokeAsync("JoinStore", "s001");
        var snapshot = await newcomer.WaitForAsync<DashboardSnapshot>(_ => true, "the newcomer's snapshot");
        Assert.Equal(50_000, snapshot.Figures.NetSales);
        Assert.Equal(60, snapshot.Minutes.Count);
        Assert.Equal(50_000, snapshot.Minutes[^1].NetSales);
    }

    [Fact]
    public async Task Browsers_watching_one_store_share_one_subscription_until_the_last_leaves()
    {
        await using var first = await _host.ConnectAsync(ManagerOf("s001"));
        await using var second = await _host.ConnectAsync(Admin);
        await first.Connection.InvokeAsync("JoinStore", "s001");
        await second.Connection.InvokeAsync("JoinStore", "s001");

        await _host.Source.PushAsync(Store1, Figures.Update(Store1, seq: 1, netSales: 42));
        await first.WaitForAsync<DashboardUpdate>(u => u.Figures.NetSales == 42, "the update on the first browser");
        await second.WaitForAsync<DashboardUpdate>(u => u.Figures.NetSales == 42, "the update on the second browser");
        Assert.Equal(1, _host.Source.SubscriptionsMade);

        await first.Connection.InvokeAsync("LeaveStore", "s001");
        Assert.Equal(1, _host.Source.OpenSubscriptions(Store1));
        await second.Connection.StopAsync();
        await Eventually(() => _host.Source.OpenSubscriptions(Store1) == 0, "the subscription to close");
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Gave up waiting for {what}");
            }
            await Task.Delay(10);
        }
    }
}

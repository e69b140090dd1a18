using Microsoft.AspNetCore.SignalR.Client;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// The browsers of issue 5's fan-out: .NET SignalR clients on <c>/hubs/dashboard</c> (WebSockets, JSON), two per
/// store signed in as that store's manager (<c>JoinStore</c>) and the rest as head office (<c>JoinChain</c>),
/// reporting every update's transaction counts to <see cref="FanOutLatency"/>.
/// </summary>
public sealed class DashboardWatchers : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public static async Task<DashboardWatchers> Open(Uri api, IReadOnlyList<string> managerTokens, string adminToken, FanOutLatency latency)
    {
        var watchers = new DashboardWatchers();
        var hub = new Uri(api, "/hubs/dashboard");
        try
        {
            var joins = new List<Task>();
            for (var store = 0; store < DashboardShape.Stores; store++)
            {
                for (var k = 0; k < DashboardShape.StoreWatchersPerStore; k++)
                {
                    joins.Add(watchers.WatchStore(hub, managerTokens[store], store, latency));
                }
            }
            for (var k = 0; k < DashboardShape.ChainWatchers; k++)
            {
                joins.Add(watchers.WatchChain(hub, adminToken, latency));
            }
            await Task.WhenAll(joins);
        }
        catch
        {
            await watchers.DisposeAsync();
            throw;
        }
        return watchers;
    }

    private static HubConnection Connect(Uri hub, string token) => new HubConnectionBuilder()
        .WithUrl(hub, o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        })
        .Build();

    private async Task WatchStore(Uri hub, string token, int store, FanOutLatency latency)
    {
        var storeId = DashboardShape.StoreId(store);
        var connection = Connect(hub, token);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        var snapshot = new TaskCompletionSource<DashboardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        Watch? watch = null;
        connection.On<DashboardSnapshot>("Snapshot", s => snapshot.TrySetResult(s));
        connection.On<DashboardUpdate>("Update", u =>
        {
            var now = TimeProvider.System.GetTimestamp();
            latency.Received();
            if (watch is not null && u.StoreId == storeId)
            {
                latency.Shown(watch, u.Figures.Transactions, now);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("JoinStore", storeId);
        var first = await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(30));
        watch = latency.Watch("store", store, first.Figures.Transactions);
    }

    private async Task WatchChain(Uri hub, string token, FanOutLatency latency)
    {
        var connection = Connect(hub, token);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        var snapshot = new TaskCompletionSource<DashboardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watches = new Watch?[DashboardShape.Stores];
        connection.On<DashboardSnapshot>("Snapshot", s => snapshot.TrySetResult(s));
        connection.On<DashboardUpdate>("Update", u =>
        {
            var now = TimeProvider.System.GetTimestamp();
            latency.Received();
            foreach (var s in u.Stores)
            {
                if (StoreIndex(s.StoreId) is { } store && watches[store] is { } watch)
                {
                    latency.Shown(watch, s.Transactions, now);
                }
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("JoinChain");
        var first = await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var store = 0; store < DashboardShape.Stores; store++)
        {
            var storeId = DashboardShape.StoreId(store);
            watches[store] = latency.Watch("chain", store, first.Stores.FirstOrDefault(s => s.StoreId == storeId)?.Transactions ?? 0);
        }
    }

    private static int? StoreIndex(string storeId) =>
        storeId.Length == 3 && storeId[0] == 'D' && int.TryParse(storeId.AsSpan(1), out var n) && n is >= 1 and <= DashboardShape.Stores ? n - 1 : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}

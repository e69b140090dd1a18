using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>A connected browser stand-in that records what the hub sent, in order.</summary>
public sealed class DashboardTestClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();

    public DashboardTestClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<DashboardSnapshot>("Snapshot", s => _received.Enqueue(s));
        connection.On<DashboardUpdate>("Update", u => _received.Enqueue(u));
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<object> Received => [.. _received];

    public IReadOnlyList<DashboardUpdate> Updates => [.. _received.OfType<DashboardUpdate>()];

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_received.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(10);
        }
        throw new Xunit.Sdk.XunitException($"Gave up waiting for {what}; received {_received.Count} messages");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

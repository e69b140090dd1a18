using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using OrleansLoyalty.Api.Dashboard;
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

    /// <summary>
    /// Opens the dashboard hub of a test server over WebSockets, as a browser does: the token (if any) in the query
    /// string, where a browser's WebSocket has no header for it.
    /// </summary>
    public static async Task<DashboardTestClient> ConnectAsync(TestServer server, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DashboardHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var uri = token is null ? context.Uri : new Uri($"{context.Uri}&access_token={Uri.EscapeDataString(token)}");
                    return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                };
            })
            .Build();
        var client = new DashboardTestClient(connection);
        await connection.StartAsync();
        return client;
    }

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

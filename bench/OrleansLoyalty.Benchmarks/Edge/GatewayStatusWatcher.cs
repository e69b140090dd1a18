using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace OrleansLoyalty.Benchmarks.Edge;

/// <summary>Follows every gateway's retained <c>gateway/status</c> as the broker's observer: reachability and events owed.</summary>
public sealed class GatewayStatusWatcher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, (bool Reachable, long Buffered, string Status)> _latest = new(StringComparer.Ordinal);

    private GatewayStatusWatcher()
    {
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var topic = args.ApplicationMessage.Topic.Split('/');
            using var body = JsonDocument.Parse(args.ApplicationMessage.Payload);
            var root = body.RootElement;
            _latest[topic[3]] = (root.GetProperty("clusterReachable").GetBoolean(), root.GetProperty("buffered").GetInt64(), root.GetProperty("status").GetString() ?? "");
            return Task.CompletedTask;
        };
    }

    public static async Task<GatewayStatusWatcher> ConnectAsync(string credentialsPath)
    {
        using var credentials = JsonDocument.Parse(await File.ReadAllBytesAsync(credentialsPath));
        var root = credentials.RootElement;
        var observer = root.GetProperty("observer");
        var watcher = new GatewayStatusWatcher();
        await watcher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(root.GetProperty("host").GetString(), root.GetProperty("port").GetInt32())
            .WithClientId("bench-status-" + Guid.NewGuid().ToString("N")[..8])
            .WithCredentials(observer.GetProperty("username").GetString(), observer.GetProperty("password").GetString())
            .WithCleanStart()
            .Build());
        await watcher._client.SubscribeAsync("loyalty/v1/stores/+/gateway/status", MqttQualityOfServiceLevel.AtLeastOnce);
        return watcher;
    }

    public long Buffered(IEnumerable<string> stores) => stores.Sum(s => _latest.TryGetValue(s, out var status) ? Math.Max(0, status.Buffered) : 0);

    public bool AllReachable(IEnumerable<string> stores, bool reachable) =>
        stores.All(s => _latest.TryGetValue(s, out var status) && status.Reachable == reachable);

    /// <summary>Every gateway online (reachable, nothing owed).</summary>
    public bool AllSettled(IEnumerable<string> stores) =>
        stores.All(s => _latest.TryGetValue(s, out var status) && status.Reachable && status.Buffered == 0 && status.Status == "online");

    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan deadline)
    {
        var until = TimeProvider.System.GetUtcNow() + deadline;
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException($"edge: {what} did not happen within {deadline}");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }
        _client.Dispose();
    }
}

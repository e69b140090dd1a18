using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Json;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Health;

/// <summary>
/// <c>GET /health/live</c>: the process runs (always 200). <c>GET /health/ready</c>: 200 while the
/// broker connection is up and subscribed (lanes are served, online or offline), else 503; both answer the status JSON.
/// A plain socket answers (one short HTTP/1.1 response per connection): the managed HttpListener on Linux can fail
/// inside Start() when a prober connects at that instant, and then keeps the port, which took the gateway down.
/// </summary>
public sealed class HealthEndpoint(
    GatewayMqttConnection connection,
    GatewayStatusService status,
    IOptions<GatewayOptions> options,
    ILogger<HealthEndpoint> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = options.Value.HealthPort;
        if (port == 0)
        {
            return;
        }
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        GatewayLog.HealthListening(logger, port);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken).ConfigureAwait(false);
                _ = Task.Run(() => Serve(client, stoppingToken), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task Serve(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var stream = client.GetStream();
                var requestLine = await ReadRequestLine(stream, timeout.Token).ConfigureAwait(false);
                var parts = requestLine.Split(' ');
                var path = parts.Length >= 2 ? parts[1].Split('?')[0] : "";
                await stream.WriteAsync(Answer(path), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The prober hung up (e.g. its own timeout): not the gateway's problem.
            }
        }
    }

    /// <summary>Reads up to the end of the request headers (a probe sends no body) and returns the first line.</summary>
    private static async Task<string> ReadRequestLine(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[4096];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            read += n;
            if (buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }
        var text = Encoding.ASCII.GetString(buffer, 0, read);
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private byte[] Answer(string path)
    {
        var ready = connection.IsReady;
        var (code, reason) = path switch
        {
            "/health/live" => (200, "OK"),
            "/health/ready" => ready ? (200, "OK") : (503, "Service Unavailable"),
            _ => (404, "Not Found"),
        };
        var body = code == 404
            ? []
            : JsonSerializer.SerializeToUtf8Bytes(new { mqttConnected = ready, status = status.Current() }, GatewayJson.Options);
        var header = $"HTTP/1.1 {code} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. body];
    }
}

using System.Net;
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
        using var listener = await StartListener(port, stoppingToken);
        GatewayLog.HealthListening(logger, port);
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try
            {
                Answer(context);
            }
            catch (Exception failure) when (failure is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The prober hung up (e.g. its own timeout): not the gateway's problem.
            }
        }
    }

    /// <summary>
    /// Starts the listener, trying again when a prober connects during start-up: the managed HttpListener on Linux
    /// can throw from inside Start() then (ArgumentNullException in ProcessAccept), and a health endpoint must
    /// never take the gateway down with it.
    /// </summary>
    private static async Task<HttpListener> StartListener(int port, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var listener = new HttpListener();
            // HttpListener matches the Host header: accept both loopback spellings, bind loopback only.
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add($"http://localhost:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (Exception) when (attempt < 50 && !stoppingToken.IsCancellationRequested)
            {
                ((IDisposable)listener).Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url?.AbsolutePath ?? "";
        var ready = connection.IsReady;
        response.StatusCode = path switch
        {
            "/health/live" => 200,
            "/health/ready" => ready ? 200 : 503,
            _ => 404,
        };
        if (response.StatusCode == 404)
        {
            return;
        }
        response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { mqttConnected = ready, status = status.Current() }, GatewayJson.Options);
        response.OutputStream.Write(body);
    }
}

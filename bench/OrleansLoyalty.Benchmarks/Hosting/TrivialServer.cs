using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>The ceiling: the same Kestrel and minimal-API JSON binding, with nothing behind the endpoint.</summary>
public static class TrivialServer
{
    public sealed record Ping(string? LaneId, long Amount);

    public static async Task Run(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/echo", (Ping ping) => TypedResults.Ok(ping with { Amount = ping.Amount + 1 }));
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }
}

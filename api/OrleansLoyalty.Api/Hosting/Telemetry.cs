using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansLoyalty.Api.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces for ASP.NET Core, Orleans, Npgsql and our own meters.
/// <c>Telemetry:Exporter</c> = <c>none</c> (default), <c>console</c> or <c>otlp</c> (with <c>Telemetry:OtlpEndpoint</c>).
/// </summary>
public static class Telemetry
{
    public const string LoyaltyMeter = "OrleansLoyalty";

    public static WebApplicationBuilder AddLoyaltyTelemetry(this WebApplicationBuilder builder)
    {
        var exporter = builder.Configuration["Telemetry:Exporter"] ?? "none";
        var otlpEndpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("orleans-loyalty-api"))
            .WithMetrics(m =>
            {
                // Like traces: a listener on Orleans' instruments makes every grain call record; only when exported.
                if (exporter == "none")
                {
                    return;
                }
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation()
                    .AddMeter("Microsoft.Orleans", LoyaltyMeter);
                if (exporter == "console") m.AddConsoleExporter();
                if (exporter == "otlp") m.AddOtlpExporter(o => { if (otlpEndpoint is not null) o.Endpoint = new Uri(otlpEndpoint); });
            })
            .WithTracing(t =>
            {
                // Traces cost on every request and grain call; record them only when someone will read them.
                if (exporter == "none")
                {
                    return;
                }
                t.AddAspNetCoreInstrumentation().AddNpgsql()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", LoyaltyMeter);
                if (exporter == "console") t.AddConsoleExporter();
                if (exporter == "otlp") t.AddOtlpExporter(o => { if (otlpEndpoint is not null) o.Endpoint = new Uri(otlpEndpoint); });
            });
        return builder;
    }
}

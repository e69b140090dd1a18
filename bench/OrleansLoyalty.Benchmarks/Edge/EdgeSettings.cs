using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Edge;

/// <summary>The edge group's knobs (environment), with the numbers as defaults.</summary>
public sealed class EdgeSettings
{
    /// <summary>mosquitto.sh stores spec (at most 99 lanes a store): 200 lanes by default, over three stores (three gateways).</summary>
    public required string Stores { get; init; }
    public required int MqttPort { get; init; }

    /// <summary>First health port; gateway i listens on this + i.</summary>
    public required int HealthPort { get; init; }

    public required double Rate { get; init; }
    public required TimeSpan WarmUp { get; init; }
    public required TimeSpan Measure { get; init; }
    public required long ReplayEvents { get; init; }
    public required double OfflineRate { get; init; }

    public IReadOnlyList<(string StoreId, int Lanes)> StoreLanes =>
        [.. Stores.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(spec => spec.Split(':')).Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))];

    public int LaneCount => StoreLanes.Sum(s => s.Lanes);

    public static EdgeSettings FromEnvironment(TimeSpan warmUp, TimeSpan measure)
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        static double Number(string name, string fallback) => double.Parse(Env(name, fallback), CultureInfo.InvariantCulture);
        return new EdgeSettings
        {
            Stores = Env("BENCH_EDGE_STORES", "e001:67,e002:67,e003:66"),
            MqttPort = (int)Number("BENCH_MQTT_PORT", "56038"),
            HealthPort = (int)Number("BENCH_EDGE_HEALTH_PORT", "56040"),
            Rate = Number("BENCH_EDGE_RATE", "2000"),
            // Five fresh .NET processes JIT on two cores (tiered PGO): measured, the background tier-1 compiles still took
            // a third of the api's and 40 % of the gateways' CPU 25 s in; after 60 s, under 2 %.
            WarmUp = TimeSpan.FromSeconds(Number("BENCH_EDGE_WARMUP_SECONDS", Math.Max(60, warmUp.TotalSeconds).ToString(CultureInfo.InvariantCulture))),
            Measure = TimeSpan.FromSeconds(Number("BENCH_EDGE_MEASURE_SECONDS", Math.Max(20, measure.TotalSeconds).ToString(CultureInfo.InvariantCulture))),
            ReplayEvents = (long)Number("BENCH_EDGE_REPLAY_EVENTS", "100000"),
            OfflineRate = Number("BENCH_EDGE_OFFLINE_RATE", "4000"),
        };
    }
}

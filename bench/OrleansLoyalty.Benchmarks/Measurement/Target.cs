using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>What a scenario must reach: a p99 ceiling and/or a throughput floor. Ceilings and baselines have none.</summary>
public sealed record Target(double? MaxP99Ms, double? MinThroughput)
{
    public static Target None { get; } = new(null, null);

    public bool IsNone => MaxP99Ms is null && MinThroughput is null;

    public override string ToString()
    {
        if (IsNone)
        {
            return "—";
        }
        var parts = new List<string>();
        if (MaxP99Ms is { } p99)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"p99 ≤ {p99:0.##} ms"));
        }
        if (MinThroughput is { } t)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≥ {t:#,0}/s"));
        }
        return string.Join(", ", parts);
    }
}

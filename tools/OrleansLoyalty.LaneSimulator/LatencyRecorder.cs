using System.Collections.Concurrent;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Event → answer latencies in microseconds, per device kind; percentiles by sorting at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<long>> _byKind = new(StringComparer.Ordinal);

    public void Record(string kind, TimeSpan latency) =>
        _byKind.GetOrAdd(kind, _ => []).Add((long)latency.TotalMicroseconds);

    public IEnumerable<string> Kinds => _byKind.Keys.Order(StringComparer.Ordinal);

    public (long Count, double P50, double P99, double P999, double Max) Summary(string? kind = null)
    {
        var values = (kind is null ? _byKind.Values.SelectMany(v => v) : _byKind.GetValueOrDefault(kind) ?? []).ToArray();
        if (values.Length == 0)
        {
            return (0, 0, 0, 0, 0);
        }
        Array.Sort(values);
        return (values.Length, Percentile(values, 0.50), Percentile(values, 0.99), Percentile(values, 0.999), values[^1] / 1000.0);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] / 1000.0;
}

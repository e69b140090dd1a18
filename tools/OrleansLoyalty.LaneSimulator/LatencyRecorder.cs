using System.Collections.Concurrent;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>
/// Event → answer latencies in microseconds, per device kind; percentiles by sorting at the end. Each answer's arrival
/// is kept too, for <see cref="Stalls"/>.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<long>> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(long AnsweredAt, long Micros)> _timeline = [];

    /// <param name="answeredAt">When the answer arrived (a timestamp of the run's clock).</param>
    public void Record(string kind, TimeSpan latency, long answeredAt)
    {
        var micros = (long)latency.TotalMicroseconds;
        _byKind.GetOrAdd(kind, _ => []).Add(micros);
        _timeline.Add((answeredAt, micros));
    }

    /// <summary>How the answers over <paramref name="late"/> lie in windows of <paramref name="window"/> (timestamps at <paramref name="timestampFrequency"/> per second).</summary>
    public StallProfile Stalls(TimeSpan late, TimeSpan window, long timestampFrequency) =>
        StallProfile.Of(_timeline.ToArray(), (long)late.TotalMicroseconds, Math.Max(1, (long)(window.TotalSeconds * timestampFrequency)));

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

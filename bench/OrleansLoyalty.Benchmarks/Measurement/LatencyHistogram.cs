using HdrHistogram;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>An HdrHistogram in nanoseconds (1 ns to 60 s, 3 significant digits), one per worker, merged at the end.</summary>
public sealed class LatencyHistogram
{
    private const long HighestNanoseconds = 60L * 1_000_000_000;

    public LongHistogram Histogram { get; } = new(HighestNanoseconds, 3);

    public void RecordTicks(long stopwatchTicks)
    {
        var ns = (long)(stopwatchTicks * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
        Histogram.RecordValue(Math.Clamp(ns, 1, HighestNanoseconds));
    }

    public void RecordMicroseconds(long microseconds) => Histogram.RecordValue(Math.Clamp(microseconds * 1000, 1, HighestNanoseconds));

    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram> parts)
    {
        var merged = new LatencyHistogram();
        foreach (var part in parts)
        {
            merged.Histogram.Add(part.Histogram);
        }
        return merged;
    }

    public long Count => Histogram.TotalCount;

    public double PercentileUs(double percentile) => Histogram.TotalCount == 0 ? 0 : Histogram.GetValueAtPercentile(percentile) / 1000.0;

    public ScenarioResult ToResult(string scenario, long errors, double seconds, Target target, string? note = null) =>
        new(scenario, Count, errors, seconds, PercentileUs(50), PercentileUs(99), PercentileUs(99.9), target, note);
}

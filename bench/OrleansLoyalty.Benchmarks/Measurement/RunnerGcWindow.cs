using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// The runner's own garbage collections since the window started. The runner takes the latency timestamps: while it
/// is paused, every answer in flight looks later than it was, so a pause share near 1 % can carry a p99 by itself.
/// </summary>
public readonly record struct RunnerGcWindow(TimeSpan PausedAtStart, int Gen0AtStart, int Gen1AtStart, int Gen2AtStart, long StartedAt)
{
    public static RunnerGcWindow Start() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), TimeProvider.System.GetTimestamp());

    /// <summary>"the runner's own GC: 12 collections (gen1 2, gen2 0), paused 31 ms (0.16 % of the window)".</summary>
    public string Describe()
    {
        var paused = GC.GetTotalPauseDuration() - PausedAtStart;
        var window = TimeProvider.System.GetElapsedTime(StartedAt);
        return string.Create(CultureInfo.InvariantCulture,
            $"the runner's own GC: {GC.CollectionCount(0) - Gen0AtStart} collections (gen1 {GC.CollectionCount(1) - Gen1AtStart}, gen2 {GC.CollectionCount(2) - Gen2AtStart}), paused {paused.TotalMilliseconds:0} ms ({paused / window:P2} of the window)");
    }
}

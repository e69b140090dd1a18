namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// N workers, each issuing its next operation as soon as the previous one answered, for a warm-up and then a
/// measured window; every operation started inside the window is recorded, also when it ends after it.
/// </summary>
public static class ClosedLoop
{
    /// <param name="operation">(worker, sequence number within the worker) → the operation.</param>
    public static async Task<ScenarioResult> Run(string scenario, int concurrency, TimeSpan warmUp, TimeSpan measure,
        Func<int, long, Task> operation, Target target, string? note = null)
    {
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measure.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var histograms = new LatencyHistogram[concurrency];
        var errors = new long[concurrency];
        var firstErrors = new string?[concurrency];
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var worker = w;
            histograms[w] = new LatencyHistogram();
            workers[w] = Task.Run(async () =>
            {
                for (long seq = 0; ; seq++)
                {
                    var began = clock.GetTimestamp();
                    if (began >= measureTo)
                    {
                        return;
                    }
                    try
                    {
                        await operation(worker, seq);
                    }
                    catch (Exception e)
                    {
                        if (began >= measureFrom)
                        {
                            errors[worker]++;
                        }
                        firstErrors[worker] ??= e.GetType().Name + ": " + e.Message;
                        continue;
                    }
                    var ended = clock.GetTimestamp();
                    // Counted by when it began, however late it ends: a worker starved past the window's end is the
                    // tail this measures, and leaving it out made a saturated run's p99 look like an idle one's.
                    if (began >= measureFrom)
                    {
                        histograms[worker].RecordTicks(ended - began);
                    }
                }
            });
        }
        await Task.WhenAll(workers);
        if (firstErrors.FirstOrDefault(e => e is not null) is { } firstError)
        {
            Console.Error.WriteLine($"  {scenario}: first error: {firstError}");
        }
        return LatencyHistogram.Merge(histograms).ToResult(scenario, errors.Sum(), measure.TotalSeconds, target, note);
    }
}

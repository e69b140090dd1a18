using System.Diagnostics;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// Operations started on a fixed schedule (n / rate seconds after the start), whether or not earlier ones have
/// answered, for a warm-up and then a measured window — the load of many independent lanes. Past
/// <paramref name="maxInFlight"/> unanswered operations a scheduled one is skipped and counted: the rate was not
/// sustained. Latency is from the scheduled start, so a late start counts against the system.
/// </summary>
public static class OpenLoop
{
    public sealed record Outcome(ScenarioResult Result, long Skipped, long StartedInWindow);

    /// <param name="operation">(sequence number) → the operation; returns when it answered.</param>
    /// <param name="answered">(sequence number, answer timestamp, inside the measured window) after each success.</param>
    public static async Task<Outcome> Run(string scenario, double rate, TimeSpan warmUp, TimeSpan measure, int maxInFlight,
        Func<long, Task> operation, Action<long, long, bool> answered, Target target, string? note = null)
    {
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var histogram = new LatencyHistogram();
        var gate = new object();
        long errors = 0, skipped = 0, startedInWindow = 0, inFlight = 0;
        string? firstError = null;
        var pending = new List<Task>();

        async Task One(long n, long scheduled)
        {
            try
            {
                await operation(n);
                var ended = clock.GetTimestamp();
                var inWindow = scheduled >= measureFrom && scheduled < measureTo;
                if (inWindow)
                {
                    lock (gate)
                    {
                        histogram.RecordTicks(ended - scheduled);
                    }
                }
                answered(n, ended, inWindow);
            }
            catch (Exception e)
            {
                if (scheduled >= measureFrom && scheduled < measureTo)
                {
                    Interlocked.Increment(ref errors);
                }
                Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        // Every operation scheduled before the window closes is started, also the few due in the last timer tick:
        // otherwise the measured count falls a tick short of rate × window and a met rate reads as missed.
        var total = (long)Math.Ceiling((measureTo - start) / (double)Stopwatch.Frequency * rate);
        long next = 0;
        while (next < total)
        {
            var now = clock.GetTimestamp();
            var due = Math.Min(total, (long)((now - start) / (double)Stopwatch.Frequency * rate));
            for (; next < due; next++)
            {
                var scheduled = start + (long)(next / rate * Stopwatch.Frequency);
                var inWindow = scheduled >= measureFrom && scheduled < measureTo;
                if (Interlocked.Read(ref inFlight) >= maxInFlight)
                {
                    if (inWindow)
                    {
                        skipped++;
                    }
                    continue;
                }
                if (inWindow)
                {
                    startedInWindow++;
                }
                Interlocked.Increment(ref inFlight);
                pending.Add(One(next, scheduled));
            }
            if (pending.Count > 10_000)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
            if (next < total)
            {
                await Task.Delay(1);
            }
        }
        await Task.WhenAll(pending);
        if (firstError is not null)
        {
            Console.Error.WriteLine($"  {scenario}: first error: {firstError}");
        }
        var result = new ScenarioResult(scenario, histogram.Count, errors, measure.TotalSeconds,
            histogram.PercentileUs(50), histogram.PercentileUs(99), histogram.PercentileUs(99.9), target, note);
        return new Outcome(result, skipped, startedInWindow);
    }
}

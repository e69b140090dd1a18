using System.Globalization;
using System.Text.RegularExpressions;
using OrleansLoyalty.Benchmarks.Measurement;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>Runs Debian's wrk with one of bench/wrk/*.lua and turns its report line into a result row.</summary>
public static partial class Wrk
{
    /// <summary>What a script's thread prints on standard error when it stops by itself (quote.lua's sequential warm-up).</summary>
    public const string ThreadStoppedLine = "wrk-thread-stopped";

    /// <param name="untilThreadsStop">
    /// The script stops its threads itself: wrk's main thread would still sleep out the whole duration, so once every
    /// thread has printed <see cref="ThreadStoppedLine"/> wrk is interrupted, which ends it at once with its report.
    /// </param>
    public static async Task<ScenarioResult> Run(string name, string url, string script, int threads, int connections, TimeSpan duration,
        IEnumerable<string> scriptArgs, Target target, string? note = null, bool untilThreadsStop = false)
    {
        string[] args = ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s", "--latency", "--timeout", "5s", "-s", script, url, "--", .. scriptArgs];
        var stopped = 0;
        var output = await ChildProcess.RunToEnd("wrk", args,
            interruptWhen: untilThreadsStop ? line => line.Contains(ThreadStoppedLine, StringComparison.Ordinal) && ++stopped == threads : null);
        var match = ReportLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no report line:\n{output}");
        }
        long Get(string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var errors = Get("errors");
        return new ScenarioResult(name, Get("requests") - errors, errors, Get("duration") / 1e6, Get("p50"), Get("p99"), Get("p999"), target, note);
    }

    [GeneratedRegex(@"BENCH requests=(?<requests>\d+) duration_us=(?<duration>\d+) errors=(?<errors>\d+) p50=(?<p50>\d+) p99=(?<p99>\d+) p999=(?<p999>\d+)")]
    private static partial Regex ReportLine();
}

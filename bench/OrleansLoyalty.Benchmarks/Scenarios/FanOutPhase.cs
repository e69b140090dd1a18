using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// One measured window of the dashboard fan-out: optionally open the watchers, drive commits open loop at a rate,
/// read the api's CPU over the measured part, give the last updates time to arrive, close the watchers.
/// </summary>
public sealed class FanOutPhase(BenchSettings settings, int apiPid, Func<long, Task> commit)
{
    /// <summary>Unanswered commits at most (like lanes that stop scanning while the system is slow).</summary>
    private const int MaxInFlight = 512;

    /// <summary>Each phase numbers its commits from its own block, so txnIds never repeat within a run.</summary>
    private long _block;

    public sealed record Outcome(ScenarioResult Commits, FanOutLatency Latency, double ApiCores, double MessagesPerSecond);

    public async Task<Outcome> Run(string name, double rate, Func<FanOutLatency, Task<DashboardWatchers>>? openWatchers)
    {
        var first = (_block += 10_000_000);
        var latency = new FanOutLatency(DashboardShape.Stores);
        await using var watchers = openWatchers is null ? null : await openWatchers(latency);
        var cpu = MeasureCpu();
        var messagesBefore = latency.Messages;
        var run = await OpenLoop.Run(name, rate, settings.WarmUp, settings.Measure, MaxInFlight,
            n => commit(first + n),
            (n, answeredAt, measured) => latency.Answered(DashboardCheckouts.StoreOf(first + n), answeredAt, measured),
            Target.None);
        var cores = await cpu;
        // Updates are paced twice on the way (grain, then hub; docs/dashboard.md "Pace"): wait for the window's last ones.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var messagesPerSecond = (latency.Messages - messagesBefore) / (settings.WarmUp + settings.Measure).TotalSeconds;
        var note = $"api CPU {cores:0.00} cores{(run.Skipped > 0 ? $", {run.Skipped:#,0} commits not started (over {MaxInFlight} in flight)" : "")}";
        return new Outcome(run.Result with { Note = note }, latency, cores, messagesPerSecond);
    }

    /// <summary>The api's CPU time over the measured window, in cores (CPU seconds per second).</summary>
    private async Task<double> MeasureCpu()
    {
        await Task.Delay(settings.WarmUp);
        var before = ProcessCpu.Used(apiPid);
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(settings.Measure);
        var used = ProcessCpu.Used(apiPid) - before;
        return used.TotalSeconds / TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    }
}

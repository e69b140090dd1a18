using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// Where the cores went during a scenario, per group of processes: this runner (its in-process silo or simulator, its
/// load, and children it waited for, such as pgbench), PostgreSQL (every <c>postgres</c> process, with the backends
/// that exited meanwhile, which the postmaster's children's time holds), and whatever else the scenario names. It
/// says whether a scenario waited on the database, on its own CPU, or on a machine with no core left.
/// </summary>
public sealed class CpuShares(IReadOnlyList<(string Label, Func<IEnumerable<int>> Pids)> groups)
{
    public static readonly (string, Func<IEnumerable<int>>) Runner = ("runner", () => [Environment.ProcessId]);
    public static readonly (string, Func<IEnumerable<int>>) Postgres = ("PostgreSQL", () => ByCommand("postgres"));

    /// <summary>A scenario's row with the runner's and PostgreSQL's CPU over its warm-up and window added to its note.</summary>
    public static async Task<ScenarioResult> Measure(Func<Task<ScenarioResult>> scenario)
    {
        var shares = new CpuShares([Runner, Postgres]);
        var before = shares.Sample();
        var started = TimeProvider.System.GetTimestamp();
        var result = await scenario();
        var note = "CPU over warm-up and window: " + shares.Describe(before, shares.Sample(), TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        return result with { Note = result.Note is null ? note : $"{result.Note}; {note}" };
    }

    public static IEnumerable<int> ByCommand(string command)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Command(pid) == command)
            {
                yield return pid;
            }
        }
    }

    /// <summary>CPU seconds used so far by each group, then the seconds the hypervisor gave this machine's CPUs to others.</summary>
    public double[] Sample() => [.. groups.Select(g => g.Pids().Sum(pid => ProcessCpu.UsedWithReapedChildren(pid)?.TotalSeconds ?? 0)), Steal()];

    /// <summary>"runner 0.81, PostgreSQL 0.62, … cores (1.43 of 2); stolen by the host 0.05".</summary>
    public string Describe(double[] before, double[] after, double seconds)
    {
        var cores = groups.Select((g, i) => (g.Label, Cores: (after[i] - before[i]) / seconds)).ToList();
        var stolen = (after[^1] - before[^1]) / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", cores.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Label} {c.Cores:0.00}")))} cores ({cores.Sum(c => c.Cores):0.00} of {Environment.ProcessorCount}); stolen by the host {stolen:0.00}");
    }

    /// <summary>
    /// Steal time (the 8th value of /proc/stat's "cpu" line), in seconds: on a virtual machine, time its CPUs were
    /// ready to run but the host ran someone else. A run with much of it measured a slower machine than the table says.
    /// </summary>
    public static double Steal()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return cpu.Length > 8 ? long.Parse(cpu[8], CultureInfo.InvariantCulture) / ProcessCpu.TicksPerSecond : 0;
    }

    private static string? Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or not ours to read
        }
    }
}

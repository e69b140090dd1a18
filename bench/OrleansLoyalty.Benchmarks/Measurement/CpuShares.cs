using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// Where the two cores went during a scenario: this runner (its in-process silo, its load, and children it waited
/// for, such as pgbench) and PostgreSQL (every <c>postgres</c> process, with the backends that exited meanwhile,
/// which the postmaster's children's time holds). It says whether a scenario waited on the database or on CPU.
/// </summary>
public static class CpuShares
{
    private const double TicksPerSecond = 100;

    public static async Task<ScenarioResult> Measure(Func<Task<ScenarioResult>> scenario)
    {
        var clock = TimeProvider.System;
        var (runnerBefore, postgresBefore) = (Runner(), Postgres());
        var started = clock.GetTimestamp();
        var result = await scenario();
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        var (runner, postgres) = ((Runner() - runnerBefore) / seconds, (Postgres() - postgresBefore) / seconds);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"CPU over warm-up and window: runner {runner:0.00} cores, PostgreSQL {postgres:0.00} cores, of {Environment.ProcessorCount}");
        return result with { Note = result.Note is null ? note : $"{result.Note}; {note}" };
    }

    private static double Runner() => Seconds(Environment.ProcessId) ?? 0;

    private static double Postgres()
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Command(pid) == "postgres")
            {
                total += Seconds(pid) ?? 0;
            }
        }
        return total;
    }

    private static string? Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime + cutime + cstime (fields 14–17 of /proc/&lt;pid&gt;/stat), in seconds.</summary>
    private static double? Seconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = 0;
        for (var i = 11; i <= 14; i++)
        {
            ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }
}

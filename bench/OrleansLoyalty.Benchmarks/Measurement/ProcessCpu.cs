using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>CPU time a process has used (user + system, from /proc/&lt;pid&gt;/stat), to compare two windows.</summary>
public static class ProcessCpu
{
    /// <summary>Linux's USER_HZ: /proc reports times in these ticks; 100 on every mainstream build.</summary>
    public const double TicksPerSecond = 100;

    public static TimeSpan Used(int pid) => Read(pid, withReapedChildren: false) ?? throw new InvalidOperationException($"Process {pid} is gone.");

    /// <summary>
    /// Also the time of the children the process has reaped (pgbench for the runner, exited backends for PostgreSQL's
    /// postmaster); null when the process is gone.
    /// </summary>
    public static TimeSpan? UsedWithReapedChildren(int pid) => Read(pid, withReapedChildren: true);

    private static TimeSpan? Read(int pid, bool withReapedChildren)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3, so
        // utime, stime, cutime and cstime (fields 14–17) are at 11–14.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = 0;
        for (var i = 11; i <= (withReapedChildren ? 14 : 12); i++)
        {
            ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>CPU time a process has used (user + system, from /proc/&lt;pid&gt;/stat), to compare two windows.</summary>
public static class ProcessCpu
{
    /// <summary>Linux's USER_HZ: /proc reports times in these ticks; 100 on every mainstream build.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
    }
}

using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>What the numbers were taken on, read from the machine itself.</summary>
public sealed record Hardware(int Cores, string CpuModel, string Memory, string LoadAverageAtStart, string Date, string Runtime)
{
    public static Hardware Describe()
    {
        static string FirstMatch(string path, string prefix) =>
            File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        var memKb = FirstMatch("/proc/meminfo", "MemTotal").Split(' ')[0];
        var memory = long.TryParse(memKb, CultureInfo.InvariantCulture, out var kb) ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024:0.0} GiB") : "?";
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return new Hardware(Environment.ProcessorCount, FirstMatch("/proc/cpuinfo", "model name"), memory, load,
            TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    public static string LoadAverageNow() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>One row of the results table. Latencies in microseconds.</summary>
public sealed record ScenarioResult(
    string Scenario,
    long Ops,
    long Errors,
    double Seconds,
    double P50Us,
    double P99Us,
    double P999Us,
    Target Target,
    string? Note = null)
{
    public double Throughput => Seconds > 0 ? Ops / Seconds : 0;

    /// <summary>"yes", "—" (no target) or "no: …" saying by how much each missed part misses.</summary>
    public string Verdict()
    {
        if (Target.IsNone)
        {
            return "—";
        }
        var misses = new List<string>();
        if (Target.MaxP99Ms is { } maxP99 && P99Us / 1000 > maxP99)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"p99 {P99Us / 1000 / maxP99:0.0}× over"));
        }
        // Judged at the table's resolution (whole operations a second): 1,999.75/s shows as 2,000 and is not a miss
        // (an open loop of lanes that wait for their answers ends its window with a few events still owed).
        if (Target.MinThroughput is { } min && Math.Round(Throughput) < min)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"throughput {Throughput / min:0%} of target ({min - Throughput:#,0}/s short)"));
        }
        if (Errors > 0)
        {
            misses.Add($"{Errors} errors");
        }
        return misses.Count == 0 ? "yes" : "no: " + string.Join("; ", misses);
    }

    public static string Ms(double microseconds) =>
        microseconds switch
        {
            < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:0.000} ms"),
            < 100_000 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:0.00} ms"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:0} ms"),
        };
}

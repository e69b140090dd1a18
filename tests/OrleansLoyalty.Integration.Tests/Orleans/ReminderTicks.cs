using System.Collections.Concurrent;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>Ticks seen by <see cref="ReminderProbeGrain"/>; silos run in the test process, so a static list suffices.</summary>
internal static class ReminderTicks
{
    private static readonly ConcurrentQueue<(string Grain, string Silo)> Ticks = new();

    public static void Record(string grain, string silo) => Ticks.Enqueue((grain, silo));

    public static IReadOnlyList<string> SilosThatTicked(string grain) =>
        Ticks.Where(t => t.Grain == grain).Select(t => t.Silo).ToList();
}

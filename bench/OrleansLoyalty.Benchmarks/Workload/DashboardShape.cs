using System.Globalization;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>The dashboard fan-out's world (issue 5): 20 stores, 50 watching connections.</summary>
public static class DashboardShape
{
    public const int Stores = 20;

    /// <summary>Two store managers' browsers per store…</summary>
    public const int StoreWatchersPerStore = 2;

    /// <summary>…and head office's, on the chain: 40 + 10 = 50 connections.</summary>
    public const int ChainWatchers = 10;

    public const int Connections = Stores * StoreWatchersPerStore + ChainWatchers;

    public const int LanesPerStore = 8;

    /// <summary>
    /// Commits per member at most: members are reused, and the default programme makes a member silver (2 % off,
    /// which the precomputed tenders would not match) at 24 visits or ¥2,000 within 12 months.
    /// </summary>
    public const int MaxVisitsPerMember = 20;

    /// <summary>Enough members that none exceeds <see cref="MaxVisitsPerMember"/> in a run of these lengths.</summary>
    public static int MembersNeeded(int configured, int rate, TimeSpan probe, TimeSpan phase, int phases)
    {
        // The closed-loop probe may run faster than the target rate on a quicker machine: allow three times.
        var commits = rate * (3 * probe.TotalSeconds + phases * phase.TotalSeconds);
        return Math.Max(configured, (int)Math.Ceiling(commits / MaxVisitsPerMember));
    }

    public static string StoreId(int index) => "D" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);
}

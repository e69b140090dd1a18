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

    public static string StoreId(int index) => "D" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);
}

namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>The CPU the host stole from this machine since the window started, in cores on average.</summary>
public readonly record struct StealWindow(double StolenAtStart, long StartedAt)
{
    public static StealWindow Start() => new(CpuShares.Steal(), TimeProvider.System.GetTimestamp());

    public double Cores() => (CpuShares.Steal() - StolenAtStart) / TimeProvider.System.GetElapsedTime(StartedAt).TotalSeconds;
}

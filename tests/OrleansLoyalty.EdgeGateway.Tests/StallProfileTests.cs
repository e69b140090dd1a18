using OrleansLoyalty.LaneSimulator;

namespace OrleansLoyalty.EdgeGateway.Tests;

/// <summary>The edge benchmark's account of where late answers lie: bunched in stalls, or spread over the run.</summary>
public sealed class StallProfileTests
{
    private const long TicksPerMs = 1_000;
    private const long Window = 100 * TicksPerMs;

    /// <summary>One answer each millisecond for <paramref name="ms"/> ms, late (20 ms) where <paramref name="late"/> says.</summary>
    private static List<(long, long)> Run(int ms, Func<int, bool> late) =>
        Enumerable.Range(0, ms).Select(i => ((long)i * TicksPerMs, late(i) ? 20_000L : 2_000L)).ToList();

    [Fact]
    public void Late_answers_in_one_stall_all_fall_in_the_worst_windows()
    {
        // 20 s of answers; every answer between 5.0 and 5.1 s is late: one 100-ms stall.
        var profile = StallProfile.Of(Run(20_000, i => i is >= 5_000 and < 5_100), lateMicros: 10_000, Window);

        Assert.Equal(100, profile.Late);
        Assert.Equal(200, profile.Windows);
        Assert.Equal(1, profile.WindowsWithLate);
        Assert.Equal(10, profile.WorstWindows);
        Assert.Equal(1.0, profile.WorstShare);
    }

    [Fact]
    public void Late_answers_spread_over_the_run_leave_the_worst_windows_their_fair_share()
    {
        // Every 200th answer is late: one in each 200 ms, evenly.
        var profile = StallProfile.Of(Run(20_000, i => i % 200 == 0), lateMicros: 10_000, Window);

        Assert.Equal(100, profile.Late);
        Assert.Equal(100, profile.WindowsWithLate);
        Assert.Equal(0.1, profile.WorstShare, precision: 3);
        Assert.Contains("100 of 20,000 answers over 10 ms (0.5 %)", profile.Describe("10 ms", "100-ms"));
    }

    [Fact]
    public void A_run_without_answers_or_late_ones_says_so()
    {
        Assert.Equal(0, StallProfile.Of([], 10_000, Window).Answers);
        Assert.Equal(0, StallProfile.Of(Run(1_000, _ => false), 10_000, Window).WorstShare);
    }
}

using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Grains.Tests.Reporting;

public class MemberAnalysisScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan FourAm = TimeSpan.FromHours(4);

    [Fact]
    public void The_nightly_run_is_at_four_in_the_chains_time_zone()
    {
        // 2026-12-03 15:00 UTC is 23:00 in Shanghai: the next 04:00 there is 20:00 UTC the same day.
        var next = MemberAnalysisSchedule.NextRun(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero), Shanghai, FourAm);

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero), next.ToUniversalTime());
    }

    [Fact]
    public void At_the_run_instant_itself_the_next_run_is_tomorrow()
    {
        var fourAmInShanghai = new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.FromHours(8));

        var next = MemberAnalysisSchedule.NextRun(fourAmInShanghai, Shanghai, FourAm);

        Assert.Equal(fourAmInShanghai.AddDays(1), next);
    }
}

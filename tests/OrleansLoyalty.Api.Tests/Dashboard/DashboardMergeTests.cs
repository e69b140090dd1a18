using OrleansLoyalty.Api.Dashboard;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

public sealed class DashboardMergeTests
{
    private static readonly DashboardScope Store = DashboardScope.ForStore("s001");

    [Fact]
    public void Applying_the_same_update_twice_changes_nothing_more()
    {
        var snapshot = Figures.Snapshot(Store, netSales: 100);
        var update = Figures.Update(Store, seq: 1, netSales: 300, activityId: "sale:a");

        var once = DashboardMerge.Apply(snapshot, update, 20);
        var twice = DashboardMerge.Apply(once, update, 20);

        Assert.Equal(once.Figures, twice.Figures);
        Assert.Equal(once.Minutes, twice.Minutes);
        Assert.Equal(["sale:a"], twice.Activity.Select(a => a.Id));
    }

    [Fact]
    public void Merged_updates_keep_the_latest_minute_values_and_all_new_lanes_and_activity()
    {
        var first = Figures.Update(Store, seq: 1, netSales: 100, activityId: "sale:a") with
        {
            Lanes = [new LaneState { LaneId = "01", Online = true }],
        };
        var second = Figures.Update(Store, seq: 2, netSales: 250, activityId: "sale:b") with
        {
            Lanes = [new LaneState { LaneId = "02", Online = false }],
        };

        var merged = DashboardMerge.Merge(first, second, 20);

        Assert.Equal(2, merged.Seq);
        Assert.Equal(250, Assert.Single(merged.Minutes).NetSales);
        Assert.Equal(["01", "02"], merged.Lanes.Select(l => l.LaneId));
        Assert.Equal(["sale:b", "sale:a"], merged.Activity.Select(a => a.Id));
    }

    [Fact]
    public void The_hour_moves_on_when_a_later_minute_arrives()
    {
        var snapshot = Figures.Snapshot(Store, netSales: 0);
        var later = Figures.Update(Store, seq: 1, netSales: 70) with
        {
            At = Figures.At.AddMinutes(2),
            Minutes = [new MinutePoint(Figures.At.AddMinutes(2), 70, 1)],
        };

        var moved = DashboardMerge.Apply(snapshot, later, 20);

        Assert.Equal(60, moved.Minutes.Count);
        Assert.Equal(Figures.At.AddMinutes(2), moved.Minutes[^1].Minute);
        Assert.Equal(70, moved.Minutes[^1].NetSales);
        Assert.Equal(Figures.At.AddMinutes(-57), moved.Minutes[0].Minute);
    }

    [Fact]
    public void An_update_from_before_the_snapshot_is_stale_but_one_from_a_new_activation_is_not()
    {
        var snapshot = Figures.Snapshot(Store, netSales: 0, seq: 10);

        Assert.True(DashboardMerge.IsStale(snapshot, Figures.Update(Store, seq: 10, netSales: 1)));
        Assert.False(DashboardMerge.IsStale(snapshot, Figures.Update(Store, seq: 11, netSales: 1)));
        Assert.False(DashboardMerge.IsStale(snapshot, Figures.Update(Store, seq: 1, netSales: 1) with { Epoch = "e2" }));
    }
}

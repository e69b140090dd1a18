using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>The fold on its own: local days, midnight and lanes after a rebuild.</summary>
public sealed class StoreDayFiguresTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Evening = new(2026, 11, 22, 23, 50, 0, TimeSpan.FromHours(8));

    private static StoreDayFigures NewFigures(DateTimeOffset now, TimeZoneInfo? zone = null) =>
        new("s1", zone ?? Shanghai, new DashboardOptions(), now);

    [Fact]
    public void Today_is_the_stores_local_date_not_the_utc_date()
    {
        // 01:30 in Shanghai is still the previous day in UTC.
        var earlyMorning = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.FromHours(8));
        var figures = NewFigures(earlyMorning);

        figures.Apply(Sales.Checkout("s1", "late-yesterday", 7_000, Evening), earlyMorning);
        figures.Apply(Sales.Checkout("s1", "today", 1_000, earlyMorning), earlyMorning);

        Assert.Equal(new DateOnly(2026, 11, 23), figures.Date);
        Assert.Equal(1_000, figures.Figures().NetSales);
    }

    [Fact]
    public void Midnight_starts_a_new_day_but_keeps_the_lanes()
    {
        var figures = NewFigures(Evening);
        figures.Apply(Sales.Checkout("s1", "t1", 5_000, Evening, member: "m1"), Evening);
        figures.Apply(new MemberRegistered { StoreId = "s1", MemberId = "m2", Tier = "bronze", At = Evening }, Evening);

        var snapshot = figures.ToSnapshot(Evening.AddMinutes(15), "e");

        Assert.Equal(new DateOnly(2026, 11, 23), snapshot.Date);
        Assert.Equal(0, snapshot.Figures.NetSales);
        Assert.Equal(0, snapshot.Figures.NewMembers);
        Assert.Empty(snapshot.TopCategories);
        Assert.Equal(0, Assert.Single(snapshot.Lanes).NetSales);
        Assert.Equal(1, snapshot.Figures.LanesTotal);
        // The last hour still shows the sale from before midnight.
        Assert.Equal(5_000, snapshot.Minutes.Sum(m => m.NetSales));
    }

    [Fact]
    public void A_store_in_another_zone_has_its_own_today()
    {
        var urumqi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Urumqi"); // UTC+6
        var figures = NewFigures(Evening, urumqi);

        Assert.Equal(new DateOnly(2026, 11, 22), figures.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(6)), LocalDay.StartOf(Evening, urumqi));
    }

    [Fact]
    public void After_a_rebuild_only_lanes_that_sold_recently_count_as_online()
    {
        var figures = NewFigures(Evening);
        figures.Apply(Sales.Checkout("s1", "t1", 100, Evening.AddHours(-2), lane: "01"), Evening);
        figures.Apply(Sales.Checkout("s1", "t2", 100, Evening.AddMinutes(-3), lane: "02"), Evening);

        figures.SettleAfterRebuild(Evening);

        var lanes = figures.ToSnapshot(Evening, "e").Lanes;
        Assert.False(lanes.Single(l => l.LaneId == "01").Online);
        Assert.True(lanes.Single(l => l.LaneId == "02").Online);
    }

    [Fact]
    public void An_update_carries_only_what_changed_since_the_previous_one()
    {
        var figures = NewFigures(Evening);
        figures.Apply(Sales.Checkout("s1", "t1", 100, Evening.AddMinutes(-5), lane: "01"), Evening);
        figures.TakeUpdate(Evening, "e");

        figures.Apply(Sales.Checkout("s1", "t2", 300, Evening, lane: "02"), Evening);
        var update = figures.TakeUpdate(Evening, "e");

        Assert.Equal(300, Assert.Single(update.Minutes).NetSales);
        Assert.Equal("02", Assert.Single(update.Lanes).LaneId);
        Assert.Equal("sale:t2", Assert.Single(update.Activity).Id);
        Assert.Equal(400, update.Figures.NetSales);
        Assert.Equal(2, update.Seq);
        Assert.False(figures.Dirty);
    }
}

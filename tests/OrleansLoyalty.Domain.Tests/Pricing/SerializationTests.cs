using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;


namespace OrleansLoyalty.Domain.Tests;

/// <summary>Records travel between grains: they must survive Orleans' serializer field for field.</summary>
public class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Programme).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void Default_programme_round_trips()
    {
        var copy = RoundTrip(Programme.Default);

        Assert.Equal(Json.Of(Programme.Default), Json.Of(copy));
        Assert.Equal(500, copy.Tiers[2].DiscountBasisPoints);
    }

    [Fact]
    public void Pricing_request_and_result_round_trip()
    {
        var request = Shop.Request(
            [Shop.Line("1", Shop.Milk, 3), Shop.Weighed("2", Shop.Apple, 800), new BasketLine("3", "X", 1, null, 100, ["食品"])],
            Shop.Member("gold", 1_000, new MemberBirthday(8, 15, BirthdayCalendar.Lunar),
                [Shop.Coupon("C1", "t1")], ImmutableDictionary<string, int>.Empty.Add("c", 1)) with { Segment = Segment.Loyal },
            coupons: ["C1"],
            redeemPoints: 500,
            budgets: ImmutableDictionary<string, long?>.Empty.Add("c", null).Add("d", 5));
        var result = Shop.Engine().Price(request);

        Assert.Equal(Json.Of(request), Json.Of(RoundTrip(request)));
        Assert.Equal(Json.Of(result), Json.Of(RoundTrip(result)));
        Assert.True(result.Total > 0);
    }

    [Fact]
    public void Campaign_and_template_round_trip()
    {
        var campaign = Shop.Campaign("c1", CampaignKind.AmountOffOver, Shop.AmountOffOver(10_000, 2_000), Shop.Category("食品") with { Segments = [Segment.AtRisk] },
            new CampaignSchedule(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), [DayOfWeek.Friday], new TimeOnly(8, 0), null),
            new CampaignLimits(1, 100_000), new CampaignStacking(true, 5));
        var template = Shop.Template("t1", CouponKind.CategoryPercentOff, percent: 10, category: ["食品"], publicCode: "PUB");

        Assert.Equal(Json.Of(campaign), Json.Of(RoundTrip(campaign)));
        Assert.Equal([Segment.AtRisk], RoundTrip(campaign).Target.Segments.ToArray());
        Assert.Equal(Json.Of(template), Json.Of(RoundTrip(template)));
    }
}

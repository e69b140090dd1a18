using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Tests.Checkout;

public sealed class MemberSegmentsTests
{
    [Fact]
    public void A_silo_answers_each_members_segment_from_the_last_run_and_forgets_the_rest_when_the_next_one_comes()
    {
        var segments = new MemberSegments();
        segments.Replace(new MemberSegments.Builder()
            .Add("M100000000000001", Segment.AtRisk)
            .Add("M100000000000002", Segment.Champions)
            .Add("legacy-7", Segment.Lost)
            .Add("M100000000000003", "from_a_newer_silo")
            .Build());

        Assert.Equal(Segment.AtRisk, segments.Of("M100000000000001"));
        Assert.Equal(Segment.Champions, segments.Of("M100000000000002"));
        Assert.Equal(Segment.Lost, segments.Of("legacy-7"));
        Assert.Null(segments.Of("M100000000000003"));
        Assert.Null(segments.Of("M999999999999999"));
        Assert.Equal(3, segments.Count);

        segments.Replace(new MemberSegments.Builder().Add("M100000000000002", Segment.Loyal).Build());

        Assert.Null(segments.Of("M100000000000001"));
        Assert.Equal(Segment.Loyal, segments.Of("M100000000000002"));
    }
}

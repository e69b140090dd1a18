using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Grains.Lanes;

namespace OrleansLoyalty.Grains.Tests.Lanes;

public sealed class LaneEventMemoryTests
{
    private static readonly LaneOutcome Shown = LaneOutcome.Accepted(new LaneDisplay { SessionId = "s1" });

    [Fact]
    public void Remembers_which_events_it_had_and_the_refusals_among_them()
    {
        var memory = new LaneEventMemory(capacity: 8);
        var refused = LaneOutcome.Refused("catalog.unknown_item", "Barcode 0 is not in the store's catalog.");
        memory.Remember("e-1", Shown);
        memory.Remember("e-2", refused);

        Assert.True(memory.TryRecall("e-1", out var first));
        Assert.Null(first);
        Assert.True(memory.TryRecall("e-2", out var second));
        Assert.Same(refused, second);
        Assert.False(memory.TryRecall("e-3", out _));
    }

    [Fact]
    public void Forgets_the_oldest_events_beyond_its_capacity_with_their_refusals()
    {
        var memory = new LaneEventMemory(capacity: 3);
        memory.Remember("e-1", LaneOutcome.Refused("basket.no_such_line", "There is no line 9 in the basket."));
        foreach (var id in new[] { "e-2", "e-3", "e-4" })
        {
            memory.Remember(id, Shown);
        }

        Assert.False(memory.TryRecall("e-1", out var forgotten));
        Assert.Null(forgotten);
        Assert.All(new[] { "e-2", "e-3", "e-4" }, id => Assert.True(memory.TryRecall(id, out _)));
    }

    [Fact]
    public void An_event_remembered_twice_keeps_its_first_answer_and_one_place()
    {
        var memory = new LaneEventMemory(capacity: 2);
        memory.Remember("e-1", LaneOutcome.Refused("coupon.already_in_basket", "Coupon C is already in this basket."));
        memory.Remember("e-1", Shown);
        memory.Remember("e-2", Shown);

        Assert.True(memory.TryRecall("e-1", out var answer));
        Assert.Equal("coupon.already_in_basket", answer!.Refusal!.Code);
    }
}

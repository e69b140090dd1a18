using FsCheck.Xunit;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// The allocator takes shortcuts (64-bit arithmetic when it cannot overflow, one sort instead of a pass per
/// left-over unit); these tests hold it to the rule written out the slow way, on small and huge numbers and on
/// the ties the shortcuts could get wrong.
/// </summary>
public class ProportionalAllocatorTests
{
    [Property(MaxTest = 2_000)]
    public void Shares_are_exactly_those_of_the_largest_remainder_rule(int seed)
    {
        var random = new Random(seed);
        var weights = RandomWeights(random);
        Int128 total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        if (total == 0)
        {
            return;
        }
        var amount = random.Next(4) switch
        {
            0 => random.NextInt64(0, 100),
            1 => random.NextInt64(0, 100_000),
            2 => random.NextInt64(0, long.MaxValue),
            _ => (long)Int128.Min(total, long.MaxValue),
        };

        Assert.Equal(ByTheRule(amount, weights), ProportionalAllocator.Allocate(amount, weights));
    }

    [Fact]
    public void Equal_remainders_go_to_the_earlier_lines()
    {
        Assert.Equal([1, 1, 0], ProportionalAllocator.Allocate(2, [5, 5, 5]));
        Assert.Equal([0, 1, 1, 1], ProportionalAllocator.Allocate(3, [0, 7, 7, 7]));
        Assert.Equal([2, 1, 1], ProportionalAllocator.Allocate(4, [10, 10, 10]));
    }

    [Fact]
    public void Many_lines_and_huge_totals_take_the_slow_paths_with_the_same_result()
    {
        var random = new Random(7);
        long[] many = [.. Enumerable.Range(0, 1_500).Select(_ => random.NextInt64(0, 1_000))];
        long[] huge = [long.MaxValue / 3, long.MaxValue / 3, 1, 12_345];

        Assert.Equal(ByTheRule(999_999, many), ProportionalAllocator.Allocate(999_999, many));
        Assert.Equal(ByTheRule(1_000_003, huge), ProportionalAllocator.Allocate(1_000_003, huge));
        Assert.Equal(ByTheRule(long.MaxValue / 2, huge), ProportionalAllocator.Allocate(long.MaxValue / 2, huge));
    }

    private static long[] RandomWeights(Random random)
    {
        var count = random.Next(1, random.Next(4) == 0 ? 200 : 25);
        var scale = random.Next(4) switch
        {
            0 => 10L,
            1 => 100_000L,
            2 => 1L << 50,
            _ => long.MaxValue / count,
        };
        // Repeated weights make repeated remainders: the ties.
        var palette = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.NextInt64(0, scale)).ToArray();
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(3) switch
        {
            0 => 0,
            1 => palette[random.Next(palette.Length)],
            _ => random.NextInt64(0, scale),
        })];
    }

    /// <summary>The rule as the engine first wrote it: 128-bit floors, then one pass per left-over unit.</summary>
    private static long[] ByTheRule(long amount, long[] weights)
    {
        var shares = new long[weights.Length];
        Int128 total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        if (amount == 0)
        {
            return shares;
        }
        var remainders = new Int128[weights.Length];
        long allocated = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)amount * weights[i];
            shares[i] = (long)(exact / total);
            remainders[i] = exact % total;
            allocated += shares[i];
        }
        for (var left = amount - allocated; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < remainders.Length; i++)
            {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = 0;
        }
        return shares;
    }
}

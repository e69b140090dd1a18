using FsCheck.Xunit;

namespace OrleansLoyalty.Domain.Tests;

public class QuintileScorerTests
{
    [Fact]
    public void Ten_distinct_values_fall_two_to_each_score()
    {
        var scorer = new QuintileScorer([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);

        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }.Select(scorer.Score));
    }

    [Fact]
    public void Members_with_the_same_value_get_the_same_score()
    {
        // Six of ten bought once: NTILE would spread them over scores 1 to 3.
        var scorer = new QuintileScorer([1, 1, 1, 1, 1, 1, 2, 3, 4, 5]);

        Assert.Equal(1, scorer.Score(1));
        Assert.Equal(4, scorer.Score(2));
        Assert.Equal(5, scorer.Score(5));
    }

    [Fact]
    public void A_lone_buyer_scores_the_lowest()
    {
        Assert.Equal(1, new QuintileScorer([12345]).Score(12345));
    }

    [Property(MaxTest = 300)]
    public void Scores_are_one_to_five_and_a_better_value_never_scores_lower(long[] values, long a, long b)
    {
        var scorer = new QuintileScorer(values ?? []);
        var (low, high) = a <= b ? (a, b) : (b, a);

        Assert.InRange(scorer.Score(low), 1, 5);
        Assert.InRange(scorer.Score(high), 1, 5);
        Assert.True(scorer.Score(low) <= scorer.Score(high));
    }
}

namespace OrleansLoyalty.Domain.Tests;

public class TierEvaluatorTests
{
    private static readonly TierEvaluator Tiers = new(Programme.Default);

    [Theory]
    [InlineData(0, 0, "standard")]
    [InlineData(199_999, 23, "standard")]
    [InlineData(200_000, 0, "silver")]
    [InlineData(0, 24, "silver")]
    [InlineData(800_000, 0, "gold")]
    [InlineData(0, 60, "gold")]
    public void Qualifying_tier_is_reached_by_spend_or_visits(long spend, int visits, string tier)
    {
        Assert.Equal(tier, Tiers.Qualifying(spend, visits).Id);
    }

    [Fact]
    public void Upgrade_happens_at_the_commit_that_crosses_and_may_skip_a_tier()
    {
        Assert.Null(Tiers.UpgradeOnCommit("standard", 199_999, 0));
        Assert.Equal("silver", Tiers.UpgradeOnCommit("standard", 200_000, 0)?.Id);
        Assert.Equal("gold", Tiers.UpgradeOnCommit("standard", 900_000, 0)?.Id);
        Assert.Null(Tiers.UpgradeOnCommit("gold", 900_000, 0));
    }

    [Fact]
    public void Downgrade_on_the_anniversary_drops_at_most_one_tier()
    {
        Assert.Equal("silver", Tiers.DowngradeOnAnniversary("gold", 0, 0)?.Id);
        Assert.Null(Tiers.DowngradeOnAnniversary("gold", 800_000, 0));
        Assert.Null(Tiers.DowngradeOnAnniversary("silver", 0, 30));
        Assert.Null(Tiers.DowngradeOnAnniversary("standard", 0, 0));
    }

    [Fact]
    public void Progress_says_what_is_missing_for_the_next_tier()
    {
        Assert.Equal(new TierProgress("silver", "gold", 500_000, 50), Tiers.Progress("silver", 300_000, 10));
        Assert.Equal(new TierProgress("gold", null, 0, 0), Tiers.Progress("gold", 0, 0));
    }

    [Fact]
    public void Review_is_a_year_after_the_last_change_and_notice_a_month_before()
    {
        var review = TierEvaluator.NextReview(new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2025, 2, 28), review);
        Assert.Equal(new DateOnly(2025, 1, 28), TierEvaluator.DowngradeNoticeOn(review));
    }
}

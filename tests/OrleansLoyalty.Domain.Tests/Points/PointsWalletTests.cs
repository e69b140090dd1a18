namespace OrleansLoyalty.Domain.Tests;

public class PointsWalletTests
{
    private static readonly DateOnly In2025 = new(2025, 3, 1);
    private static readonly DateOnly In2026 = new(2026, 7, 1);

    [Fact]
    public void Points_earned_in_a_year_expire_at_the_end_of_the_next_year()
    {
        var wallet = PointsWallet.Empty.Earn(100, In2025).Earn(50, In2026);

        Assert.Equal([new PointsLot(new DateOnly(2026, 12, 31), 100), new PointsLot(new DateOnly(2027, 12, 31), 50)], wallet.Lots.ToArray());
        var (onLastDay, expiredOnLastDay) = wallet.Expire(new DateOnly(2026, 12, 31));
        var (newYear, expiredAtNewYear) = wallet.Expire(new DateOnly(2027, 1, 1));
        Assert.Equal((150L, 0L), (onLastDay.Balance, expiredOnLastDay));
        Assert.Equal((50L, 100L), (newYear.Balance, expiredAtNewYear));
    }

    [Fact]
    public void Burning_takes_the_oldest_lots_first()
    {
        var wallet = PointsWallet.Empty.Earn(50, In2026).Earn(100, In2025);

        var after = wallet.Burn(120);

        Assert.Equal([new PointsLot(new DateOnly(2027, 12, 31), 30)], after.Lots.ToArray());
    }

    [Fact]
    public void Burning_more_than_the_balance_fails_and_changes_nothing()
    {
        var wallet = PointsWallet.Empty.Earn(100, In2025);

        Assert.False(wallet.TryBurn(101, out var unchanged));
        Assert.Same(wallet, unchanged);
        var error = Assert.Throws<InsufficientPointsException>(() => wallet.Burn(101));
        Assert.Equal((101L, 100L), (error.Requested, error.Balance));
    }

    [Fact]
    public void Clawback_beyond_the_balance_goes_negative_and_later_earning_repays_it()
    {
        var wallet = PointsWallet.Empty.Earn(30, In2025);

        var (clawed, forgiven) = wallet.Clawback(100);
        var repaid = clawed.Earn(100, In2026);

        Assert.Equal((-70L, 0L), (clawed.Balance, forgiven));
        Assert.Equal(30, repaid.Balance);
        Assert.Equal([new PointsLot(new DateOnly(2027, 12, 31), 30)], repaid.Lots.ToArray());
        Assert.False(clawed.TryBurn(1, out _));
    }

    [Fact]
    public void Clawback_can_forgive_the_shortfall_and_takes_newest_lots_first()
    {
        var wallet = PointsWallet.Empty.Earn(100, In2025).Earn(40, In2026);

        var (partial, _) = wallet.Clawback(60, ClawbackShortfall.Forgive);
        var (emptied, forgiven) = wallet.Clawback(200, ClawbackShortfall.Forgive);

        Assert.Equal([new PointsLot(new DateOnly(2026, 12, 31), 80)], partial.Lots.ToArray());
        Assert.Equal((0L, 60L), (emptied.Balance, forgiven));
    }

    [Fact]
    public void Expiring_lists_lots_lapsing_within_the_notice_period()
    {
        var wallet = PointsWallet.Empty.Earn(100, In2025).Earn(40, In2026);

        Assert.Equal([new ExpiringPoints(100, new DateOnly(2026, 12, 31))], wallet.Expiring(new DateOnly(2026, 12, 1), 30).ToArray());
        Assert.Empty(wallet.Expiring(new DateOnly(2026, 11, 30), 30));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Never_burns_more_than_the_balance_and_always_the_oldest_first(int seed)
    {
        var random = new Random(seed);
        var wallet = PointsWallet.Empty;
        for (var step = 0; step < 30; step++)
        {
            var date = new DateOnly(2024 + random.Next(4), 1 + random.Next(12), 1 + random.Next(28));
            switch (random.Next(3))
            {
                case 0:
                    wallet = wallet.Earn(random.Next(0, 500), date);
                    break;
                case 1:
                    var ask = random.Next(0, 800);
                    var before = wallet;
                    if (wallet.TryBurn(ask, out var after))
                    {
                        Assert.True(ask <= before.Balance);
                        Assert.Equal(before.Balance - ask, after.Balance);
                        // Oldest first: every lot that shrank or went is older than every lot left untouched.
                        var untouched = after.Lots.Skip(1).ToArray();
                        Assert.Equal(untouched, before.Lots.TakeLast(untouched.Length).ToArray());
                        wallet = after;
                    }
                    else
                    {
                        Assert.True(ask > before.Balance);
                    }
                    break;
                default:
                    wallet = wallet.Clawback(random.Next(0, 300)).Wallet;
                    break;
            }
            Assert.True(wallet.Lots.All(lot => lot.Points > 0));
            Assert.Equal(wallet.Lots.OrderBy(lot => lot.ExpiresOn).ToArray(), wallet.Lots.ToArray());
            Assert.True(wallet.Deficit >= 0);
        }
    }
}

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Tests.Members;

/// <summary>The member's points lots move as the domain's <see cref="PointsWallet"/> says (docs/pricing.md, "Points wallet").</summary>
[Collection(ClusterCollection.Name)]
public sealed class PointsLotsTests(LoyaltyClusterFixture fixture) : IDisposable
{
    private IClusterClient Client => fixture.Client;

    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    [Fact]
    public async Task A_return_takes_its_points_from_the_newest_lot_and_the_older_lot_still_expires_whole()
    {
        // 2026: the sign-up gift and a ¥50 purchase make one lot, usable until the end of 2027.
        var member = await Client.NewMember();
        var earlier = TestIds.TxnId();
        await Client.Checkout(earlier).Commit(Shop.Commit(earlier, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));
        // 2027: an ¥80 purchase makes a lot usable until the end of 2028; then it is returned.
        fixture.Clock.Travel(TimeSpan.FromDays(42));
        var later = TestIds.TxnId();
        await Client.Checkout(later).Commit(Shop.Commit(later, Shop.Basket(Shop.ById(member.MemberId), 8_000), Shop.Cash(8_000)));
        await Client.Checkout(later).Return(new ReturnRequest(TestIds.TxnId(), later, Shop.StoreId, Shop.LaneId, [new ReturnLine("L1", 1)]));

        fixture.Clock.Travel(TimeSpan.FromDays(381));
        var snapshot = (await Client.Member(member.MemberId).Get())!;

        Assert.Equal(150, snapshot.PointsBalance);
        Assert.Equal([new ExpiringPoints(150, new DateOnly(2027, 12, 31))], snapshot.Expiring);
    }
}

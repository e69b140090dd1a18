using OrleansLoyalty.Contracts.Rewards;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Rewards;

namespace OrleansLoyalty.Grains.Tests.Rewards;

/// <summary>A limited reward's units when a buyer's process died between reserving and confirming.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RewardStockTests(LoyaltyClusterFixture fixture) : IDisposable
{
    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_unit_reserved_by_a_buyer_who_never_paid_goes_to_the_next_buyer_once_it_is_abandoned()
    {
        var stock = Client.GetGrain<IRewardStockGrain>(TestIds.TxnId());
        var gaveUp = await Client.NewMember();
        var next = await Client.NewMember();

        Assert.True(await stock.Reserve("EX-1", gaveUp.MemberId, 1));
        Assert.False(await stock.Reserve("EX-2", next.MemberId, 1));
        fixture.Clock.Travel(RewardStockGrain.Abandoned);

        Assert.True(await stock.Reserve("EX-2", next.MemberId, 1));
        Assert.Equal(0, await stock.Left(1));
    }

    [Fact]
    public async Task A_unit_whose_member_did_pay_stays_sold_though_its_confirmation_was_lost()
    {
        var templateId = TestIds.TxnId();
        var stock = Client.GetGrain<IRewardStockGrain>(templateId);
        var buyer = await Client.NewMember();
        var template = new CouponTemplate(templateId, "限量礼品", CouponKind.Gift, 0, 0, 0, ["食品"], [], 30, null, null, false, null, null,
            PointsPrice: 100, RewardStock: 1);

        Assert.True(await stock.Reserve("EX-paid", buyer.MemberId, 1));
        await Client.Member(buyer.MemberId).ExchangePoints("EX-paid", template, Shop.StoreId);
        fixture.Clock.Travel(RewardStockGrain.Abandoned);

        Assert.False(await stock.Reserve("EX-late", (await Client.NewMember()).MemberId, 1));
        Assert.Equal(0, await stock.Left(1));
    }
}

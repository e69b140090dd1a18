using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Tests.Checkout;

/// <summary>100 points pay ¥1; the sign-up gift is exactly one such step.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PointsRedemptionTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Redeemed_points_pay_part_of_the_basket_and_leave_the_wallet()
    {
        var member = await Client.NewMember();
        var txnId = TestIds.TxnId();
        var basket = Shop.Basket(Shop.ById(member.MemberId), 5_000) with { RedeemPoints = 100 };

        var receipt = await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.Cash(4_900)));

        Assert.Equal(100, receipt.PointsRedeemed);
        Assert.Equal(4_900, receipt.Total);
        Assert.Equal(receipt.PointsEarned, receipt.PointsBalance);
        Assert.Equal(receipt.PointsEarned, await Client.Points(member.MemberId));
        var redeemed = Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsRedeemed);
        Assert.Equal(-100, redeemed.Points);
    }

    [Fact]
    public async Task The_same_points_cannot_be_spent_by_two_checkouts_at_once()
    {
        var member = await Client.NewMember();
        var txnIds = Enumerable.Range(0, 4).Select(_ => TestIds.TxnId()).ToList();

        var outcomes = await Task.WhenAll(txnIds.Select(async txnId =>
        {
            try
            {
                var basket = Shop.Basket(Shop.ById(member.MemberId), 5_000) with { RedeemPoints = 100 };
                return (Receipt: await Client.Checkout(txnId).Commit(Shop.Commit(txnId, basket, Shop.Cash(4_900))), Error: (string?)null);
            }
            catch (LoyaltyException e)
            {
                return (Receipt: (Receipt?)null, Error: e.Code);
            }
        }));

        var won = Assert.Single(outcomes, o => o.Receipt is not null).Receipt!;
        Assert.All(outcomes.Where(o => o.Receipt is null),
            o => Assert.Contains(o.Error, new[] { ErrorCodes.PointsInsufficient, ErrorCodes.TendersMismatch }));
        Assert.Equal(won.PointsEarned, await Client.Points(member.MemberId));
        Assert.Single(fixture.Ledger.ForMember(member.MemberId), e => e.Kind == LedgerKind.PointsRedeemed);
    }
}

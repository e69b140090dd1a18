using OrleansLoyalty.Contracts.SignIn;

namespace OrleansLoyalty.Grains.Tests.Members;

/// <summary>Erasure on the member's request (docs/privacy.md).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task An_erased_member_is_gone_their_phone_may_register_again_and_their_sign_in_is_forgotten()
    {
        var phone = TestIds.Phone();
        var member = (await Client.Directory().Register(Shop.Registration(phone, "待注销"))).Member;
        var signIn = Client.GetGrain<IMemberSignInGrain>(member.MemberId);
        await signIn.SetPassword("$argon2id$stored");
        var txnId = TestIds.TxnId();
        await Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ById(member.MemberId), 5_000), Shop.Cash(5_000)));

        var erasedAt = await Client.Member(member.MemberId).Erase();

        Assert.Equal(fixture.Clock.GetUtcNow(), erasedAt);
        Assert.Null(await Client.Member(member.MemberId).Get());
        Assert.Null(await Client.Member(member.MemberId).GetPricingView());
        Assert.Null(await Client.Directory().FindByPhone(phone));
        Assert.Null((await signIn.BeginPasswordAttempt()).PasswordHash);
        Assert.Equal(erasedAt, await Client.Member(member.MemberId).Erase());
        var again = (await Client.Directory().Register(Shop.Registration(phone, "新会员"))).Member;
        Assert.NotEqual(member.MemberId, again.MemberId);
        Assert.Equal(again.MemberId, await Client.Directory().FindByPhone(phone));
        // The ledger stays: the sale's points are still explained, under an id that names no one now.
        Assert.Contains(fixture.Ledger.ForMember(member.MemberId), e => e.TxnId == txnId);
    }

    [Fact]
    public async Task A_member_whose_card_holds_stored_value_is_not_erased_until_it_is_refunded()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId, balance: 3_000);

        var refused = await Assert.ThrowsAsync<LoyaltyException>(() => Client.Member(member.MemberId).Erase());

        Assert.Equal("member.stored_value_remaining", refused.Code);
        Assert.NotNull(await Client.Member(member.MemberId).Get());
        await Client.Card(cardNo).Refund(TestIds.TxnId(), 3_000, Shop.StoreId);
        await Client.Member(member.MemberId).Erase();
        Assert.Null(await Client.Member(member.MemberId).Get());
    }

    [Fact]
    public async Task A_card_of_an_erased_member_identifies_no_one_at_the_lane()
    {
        var member = await Client.NewMember();
        var cardNo = await Client.NewCard(member.MemberId);
        await Client.Member(member.MemberId).Erase();

        var txnId = TestIds.TxnId();
        var refused = await Assert.ThrowsAsync<LoyaltyException>(() =>
            Client.Checkout(txnId).Commit(Shop.Commit(txnId, Shop.Basket(Shop.ByCard(cardNo), 1_000), Shop.Cash(1_000))));

        Assert.Equal("member.not_found", refused.Code);
    }
}

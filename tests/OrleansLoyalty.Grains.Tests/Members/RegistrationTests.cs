using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Tests.Members;

[Collection(ClusterCollection.Name)]
public sealed class RegistrationTests(LoyaltyClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_new_member_gets_the_sign_up_gift_and_a_referral_code()
    {
        var phone = TestIds.Phone();

        var result = await Client.Directory().Register(Shop.Registration(phone, "李四"));

        Assert.Equal(100, result.GiftPoints);
        Assert.Single(result.GiftCoupons);
        var member = result.Member;
        Assert.Equal(100, member.PointsBalance);
        Assert.Equal(1, member.ActiveCoupons);
        Assert.Equal("standard", member.Tier);
        Assert.Equal(phone, member.Profile.Phone);
        Assert.Equal("李四", member.Profile.Name);
        Assert.Matches("^[23456789A-HJKMNP-Z]{8}$", member.ReferralCode);
        Assert.Equal(member.MemberId, await Client.Directory().FindByReferralCode(member.ReferralCode));
        var stored = await Client.Member(member.MemberId).Get();
        Assert.NotNull(stored);
        Assert.Equal(100, stored.PointsBalance);
        Assert.Equal(member.ReferralCode, stored.ReferralCode);
        // The store's dashboard hears of the new member.
        var registered = Assert.Single(fixture.Events.Events.OfType<MemberRegistered>(), e => e.MemberId == member.MemberId);
        Assert.Equal((Shop.StoreId, "standard"), (registered.StoreId, registered.Tier));
    }

    [Fact]
    public async Task The_member_can_be_found_by_phone_and_the_ledger_has_the_sign_up_gift()
    {
        var phone = TestIds.Phone();
        var member = (await Client.Directory().Register(Shop.Registration(phone))).Member;

        Assert.Equal(member.MemberId, await Client.Directory().FindByPhone(phone));
        var entry = Assert.Single(fixture.Ledger.ForMember(member.MemberId));
        Assert.Equal(LedgerKind.PointsSignupGift, entry.Kind);
        Assert.Equal(100, entry.Points);
        Assert.Equal(100, entry.BalanceAfter);
        Assert.Equal("standard", fixture.Facts.TierOf(member.MemberId));
    }

    [Fact]
    public async Task An_unknown_phone_finds_nobody()
    {
        Assert.Null(await Client.Directory().FindByPhone(TestIds.Phone()));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_phone_is_refused_and_the_first_member_is_untouched()
    {
        var phone = TestIds.Phone();
        var first = (await Client.Directory().Register(Shop.Registration(phone, "王五"))).Member;

        await Expect.Refusal(ErrorCodes.MemberPhoneTaken, () => Client.Directory().Register(Shop.Registration(phone, "赵六")));

        Assert.Equal(first.MemberId, await Client.Directory().FindByPhone(phone));
        var now = await Client.Member(first.MemberId).Get();
        Assert.Equal("王五", now!.Profile.Name);
        Assert.Equal(100, now.PointsBalance);
    }

    [Fact]
    public async Task Registering_the_same_member_grain_twice_is_refused()
    {
        var member = await Client.NewMember();

        await Expect.Refusal(ErrorCodes.MemberPhoneTaken, () => Client.Member(member.MemberId).Register(Shop.Registration(TestIds.Phone())));

        Assert.Equal(100, await Client.Points(member.MemberId));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Concurrent_registrations_with_one_phone_create_exactly_one_member(int attempts)
    {
        var phone = TestIds.Phone();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, attempts).Select(async _ =>
        {
            try
            {
                return (Result: await Client.Directory().Register(Shop.Registration(phone)), Error: (LoyaltyException?)null);
            }
            catch (LoyaltyException e)
            {
                return (Result: (RegistrationResult?)null, Error: e);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Result is not null).Result!;
        Assert.All(outcomes.Where(o => o.Result is null), o => Assert.Equal(ErrorCodes.MemberPhoneTaken, o.Error!.Code));
        Assert.Equal(winner.Member.MemberId, await Client.Directory().FindByPhone(phone));
    }
}

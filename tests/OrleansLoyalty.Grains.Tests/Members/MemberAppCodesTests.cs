using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Tests.Members;

public sealed class MemberAppCodesTests
{
    private const string MemberId = "M123456789012345";
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_code_is_26_digits_names_its_member_and_changes_every_minute()
    {
        var codes = Codes();
        var first = codes.Issue(MemberId, Noon.AddSeconds(5));
        var sameMinute = codes.Issue(MemberId, Noon.AddSeconds(59));
        var next = codes.Issue(MemberId, Noon.AddSeconds(60));

        Assert.Matches("^9[0-9]{25}$", first.Code);
        Assert.Equal(first.Code, sameMinute.Code);
        Assert.NotEqual(first.Code, next.Code);
        Assert.Equal(Noon.AddMinutes(1), first.RefreshAt);
        Assert.Equal(Noon.AddMinutes(10), first.ValidUntil);
        Assert.Equal(MemberId, codes.MemberIdOf(first.Code, Noon.AddSeconds(6)));
    }

    [Fact]
    public void A_code_works_until_its_time_is_up_and_then_says_it_expired()
    {
        var codes = Codes();
        var code = codes.Issue(MemberId, Noon).Code;

        Assert.Equal(MemberId, codes.MemberIdOf(code, Noon.AddMinutes(10).AddTicks(-1)));
        Assert.Equal(ErrorCodes.MemberCodeExpired, Refusal(() => codes.MemberIdOf(code, Noon.AddMinutes(10))));
        Assert.Equal(ErrorCodes.MemberCodeExpired, Refusal(() => codes.MemberIdOf(code, Noon.AddMinutes(98))));
    }

    [Fact]
    public void A_code_from_a_silo_whose_clock_runs_a_little_ahead_is_accepted_but_not_one_from_further_ahead()
    {
        var codes = Codes();

        Assert.Equal(MemberId, codes.MemberIdOf(codes.Issue(MemberId, Noon.AddSeconds(70)).Code, Noon.AddSeconds(30)));
        Assert.NotEqual(MemberId, Try(() => codes.MemberIdOf(codes.Issue(MemberId, Noon.AddMinutes(3)).Code, Noon)));
    }

    [Theory]
    [InlineData(98)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    public void Codes_keep_working_when_the_step_number_they_carry_wraps_round(int stepsAfterAHundred)
    {
        var codes = Codes();
        var shown = DateTimeOffset.FromUnixTimeSeconds(60L * ((Noon.ToUnixTimeSeconds() / 6000 * 100) + stepsAfterAHundred));

        var code = codes.Issue(MemberId, shown).Code;

        Assert.Equal(MemberId, codes.MemberIdOf(code, shown.AddMinutes(9)));
        Assert.Equal(ErrorCodes.MemberCodeExpired, Refusal(() => codes.MemberIdOf(code, shown.AddMinutes(10))));
    }

    [Fact]
    public void Nobody_without_the_key_makes_a_code_another_digit_names_nobody()
    {
        var code = Codes().Issue(MemberId, Noon).Code;
        var otherChain = new MemberAppCodes(Security(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), Options.Create(new MemberAppCodeOptions()), new FakeTimeProvider(Noon));
        var codes = Codes();

        Assert.Equal(ErrorCodes.MemberCodeInvalid, Refusal(() => otherChain.MemberIdOf(code, Noon)));
        for (var i = 1; i < code.Length; i++)
        {
            var changed = code[..i] + (char)('0' + ((code[i] - '0' + 1) % 10)) + code[(i + 1)..];
            Assert.NotEqual(MemberId, Try(() => codes.MemberIdOf(changed, Noon)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("M123456789012345")]
    [InlineData("8123456789012345000000000")]
    [InlineData("81234567890123450000000000")]
    [InlineData("9123456789012345000000000a")]
    [InlineData("912345678901234500000000000")]
    public void What_is_not_a_member_code_is_refused_as_invalid(string code) =>
        Assert.Equal(ErrorCodes.MemberCodeInvalid, Refusal(() => Codes().MemberIdOf(code, Noon)));

    [Fact]
    public void The_code_uses_the_clock_it_was_given()
    {
        var clock = new FakeTimeProvider(Noon);
        var codes = Codes(clock);
        var code = codes.Issue(MemberId, Noon).Code;

        Assert.Equal(MemberId, codes.MemberIdOf(code));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ErrorCodes.MemberCodeExpired, Refusal(() => codes.MemberIdOf(code)));
    }

    [Theory]
    [InlineData(60, 30, false)]
    [InlineData(60, 600, true)]
    [InlineData(30, 2970, false)]
    [InlineData(30, 2910, true)]
    public void Options_refuse_an_acceptance_shorter_than_a_step_or_as_long_as_the_steps_a_code_can_name(int stepSeconds, int acceptSeconds, bool valid)
    {
        var options = new MemberAppCodeOptions { Step = TimeSpan.FromSeconds(stepSeconds), AcceptFor = TimeSpan.FromSeconds(acceptSeconds) };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true)
            && !options.Validate(new ValidationContext(options)).Any());
    }

    [Fact]
    public void A_member_id_of_another_shape_cannot_be_carried()
    {
        Assert.False(MemberAppCodes.CanCarry("m-1"));
        Assert.Throws<ArgumentException>(() => Codes().Issue("M12345678901234X", Noon));
    }

    private MemberAppCodes Codes(TimeProvider? clock = null) =>
        new(Security(_key), Options.Create(new MemberAppCodeOptions()), clock ?? new FakeTimeProvider(Noon));

    private static IOptions<SecurityOptions> Security(string indexKey) =>
        Options.Create(new SecurityOptions { DataKey = indexKey, IndexKey = indexKey });

    private static string Refusal(Action act) => Assert.Throws<LoyaltyException>(act).Code;

    private static string? Try(Func<string> act)
    {
        try
        {
            return act();
        }
        catch (LoyaltyException)
        {
            return null;
        }
    }
}

using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Grains.Tests.SignIn;

/// <summary>The limits of signing in (docs/sign-in.md): codes through the outbox, tries, resends, lock-outs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MemberSignInGrainTests(LoyaltyClusterFixture fixture) : IDisposable
{
    private static readonly SignInOptions Limits = new();

    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    private static string NewMemberId() => "M" + Guid.NewGuid().ToString("N")[..12];

    private IMemberSignInGrain SignIn(string memberId) => fixture.Client.GetGrain<IMemberSignInGrain>(memberId);

    private string CodeSentTo(string memberId, int nth = 0)
    {
        var message = fixture.Outbox.For(memberId)[nth];
        return NotificationValues.Read<SignInCodeValues>(fixture.Protector.Decrypt(message.ProtectedPayload)).Code;
    }

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_code_goes_to_the_outbox_with_the_phone_encrypted_and_signs_in_once()
    {
        var memberId = NewMemberId();
        var phone = TestIds.Phone();

        var outcome = await SignIn(memberId).SendCode(phone);

        Assert.True(outcome.Sent);
        var message = Assert.Single(fixture.Outbox.For(memberId));
        Assert.Equal(NotificationChannels.Sms, message.Channel);
        Assert.Equal(NotificationTemplates.SignInCode, message.Template);
        Assert.DoesNotContain(phone, message.ProtectedRecipient + message.ProtectedPayload);
        Assert.Equal(phone, fixture.Protector.Decrypt(message.ProtectedRecipient));
        Assert.Equal(message.CreatedAt + Limits.CodeLifetime, message.ExpiresAt);
        var code = CodeSentTo(memberId);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.False(await SignIn(memberId).TryUseCode(Other(code)));
        Assert.True(await SignIn(memberId).TryUseCode(code));
        Assert.False(await SignIn(memberId).TryUseCode(code));
    }

    [Fact]
    public async Task A_code_is_void_after_its_wrong_guesses_even_for_the_right_one()
    {
        var memberId = NewMemberId();
        await SignIn(memberId).SendCode(TestIds.Phone());
        var code = CodeSentTo(memberId);

        for (var i = 0; i < Limits.CodeTries; i++)
        {
            Assert.False(await SignIn(memberId).TryUseCode(Other(code)));
        }

        Assert.False(await SignIn(memberId).TryUseCode(code));
    }

    [Fact]
    public async Task A_code_no_longer_works_once_its_lifetime_is_over()
    {
        var memberId = NewMemberId();
        await SignIn(memberId).SendCode(TestIds.Phone());
        var code = CodeSentTo(memberId);

        fixture.Clock.Travel(Limits.CodeLifetime);

        Assert.False(await SignIn(memberId).TryUseCode(code));
    }

    [Fact]
    public async Task Codes_are_sent_at_most_once_a_minute_and_five_times_an_hour()
    {
        var memberId = NewMemberId();
        var phone = TestIds.Phone();
        var first = fixture.Clock.GetUtcNow();

        Assert.True((await SignIn(memberId).SendCode(phone)).Sent);
        var tooSoon = await SignIn(memberId).SendCode(phone);
        Assert.False(tooSoon.Sent);
        Assert.Equal(first + Limits.CodeResendInterval, tooSoon.RetryAt);
        for (var i = 1; i < Limits.CodesPerHour; i++)
        {
            fixture.Clock.Travel(Limits.CodeResendInterval * i);
            Assert.True((await SignIn(memberId).SendCode(phone)).Sent);
        }
        fixture.Clock.Travel(Limits.CodeResendInterval * Limits.CodesPerHour);
        var sixth = await SignIn(memberId).SendCode(phone);

        Assert.False(sixth.Sent);
        Assert.Equal(first + TimeSpan.FromHours(1), sixth.RetryAt);
        Assert.Equal(Limits.CodesPerHour, fixture.Outbox.For(memberId).Count);
        // Only the newest code works.
        Assert.False(await SignIn(memberId).TryUseCode(CodeSentTo(memberId, 0)));
        Assert.True(await SignIn(memberId).TryUseCode(CodeSentTo(memberId, Limits.CodesPerHour - 1)));
    }

    [Fact]
    public async Task Parallel_password_attempts_get_no_more_tries_than_the_limit()
    {
        var memberId = NewMemberId();
        await SignIn(memberId).SetPassword("$argon2id$stored");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SignIn(memberId).BeginPasswordAttempt()));

        Assert.Equal(Limits.PasswordTries, attempts.Count(a => a.PasswordHash is not null));
        Assert.All(attempts.Where(a => a.PasswordHash is null), a => Assert.Equal(fixture.Clock.GetUtcNow() + Limits.LockOut, a.LockedUntil));
    }

    [Fact]
    public async Task A_right_password_resets_the_count_and_a_code_lifts_a_lock_out()
    {
        var memberId = NewMemberId();
        await SignIn(memberId).SetPassword("$argon2id$stored");
        for (var i = 0; i < Limits.PasswordTries - 1; i++)
        {
            await SignIn(memberId).BeginPasswordAttempt();
        }
        await SignIn(memberId).PasswordSucceeded();
        for (var i = 0; i < Limits.PasswordTries; i++)
        {
            Assert.NotNull((await SignIn(memberId).BeginPasswordAttempt()).PasswordHash);
        }
        Assert.NotNull((await SignIn(memberId).BeginPasswordAttempt()).LockedUntil);

        await SignIn(memberId).SendCode(TestIds.Phone());
        Assert.True(await SignIn(memberId).TryUseCode(CodeSentTo(memberId)));

        Assert.Equal("$argon2id$stored", (await SignIn(memberId).BeginPasswordAttempt()).PasswordHash);
    }

    [Fact]
    public async Task A_lock_out_ends_after_its_time()
    {
        var memberId = NewMemberId();
        await SignIn(memberId).SetPassword("$argon2id$stored");
        for (var i = 0; i < Limits.PasswordTries; i++)
        {
            await SignIn(memberId).BeginPasswordAttempt();
        }
        Assert.NotNull((await SignIn(memberId).BeginPasswordAttempt()).LockedUntil);

        fixture.Clock.Travel(Limits.LockOut);

        Assert.NotNull((await SignIn(memberId).BeginPasswordAttempt()).PasswordHash);
    }
}

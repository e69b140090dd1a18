using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.SignIn;

/// <inheritdoc cref="IMemberSignInGrain"/>
public sealed class MemberSignInGrain(
    [PersistentState("memberSignIn", "loyalty")] IPersistentState<MemberSignInState> state,
    PersonalDataProtector protector,
    IOptions<SignInOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IMemberSignInGrain
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private string MemberId => this.GetPrimaryKeyString();

    public async Task SetPassword(string passwordHash)
    {
        state.State.PasswordHash = passwordHash;
        state.State.PasswordFailures = 0;
        state.State.LockedUntil = null;
        await state.WriteOrDropActivation(this);
    }

    public async Task<PasswordAttempt> BeginPasswordAttempt()
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        if (s.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new PasswordAttempt(null, lockedUntil);
        }
        if (s.PasswordHash is null)
        {
            // Nothing to guess: the attempt fails without counting.
            return new PasswordAttempt(null, null);
        }
        s.PasswordFailures++;
        if (s.PasswordFailures >= options.Value.PasswordTries)
        {
            // This attempt still runs; the ones after it wait out the lock unless this one was right.
            s.LockedUntil = now + options.Value.LockOut;
            s.PasswordFailures = 0;
        }
        await state.WriteOrDropActivation(this);
        return new PasswordAttempt(s.PasswordHash, null);
    }

    public async Task PasswordSucceeded()
    {
        state.State.PasswordFailures = 0;
        state.State.LockedUntil = null;
        await state.WriteOrDropActivation(this);
    }

    public async Task<CodeRequestOutcome> SendCode(string phone)
    {
        var s = state.State;
        var o = options.Value;
        var now = clock.GetUtcNow();
        s.CodesSent.RemoveAll(sent => now - sent >= Hour);
        if (s.CodesSent.Count > 0 && now - s.CodesSent[^1] < o.CodeResendInterval)
        {
            return new CodeRequestOutcome(false, s.CodesSent[^1] + o.CodeResendInterval);
        }
        if (s.CodesSent.Count >= o.CodesPerHour)
        {
            return new CodeRequestOutcome(false, s.CodesSent[0] + Hour);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        s.CodeHash = protector.OneTimeCodeHash(MemberId, code);
        s.CodeExpiresAt = now + o.CodeLifetime;
        s.CodeTriesLeft = o.CodeTries;
        s.CodesSent.Add(now);
        s.CodeSequence++;
        var payload = NotificationValues.Write(new SignInCodeValues(code, (int)o.CodeLifetime.TotalMinutes));
        s.Companions.Messages.Add(new OutboxMessage(
            $"{MemberId}:{NotificationTemplates.SignInCode}:{s.CodeSequence}", MemberId, NotificationChannels.Sms,
            NotificationTemplates.SignInCode, protector.Encrypt(phone), protector.Encrypt(payload), now, s.CodeExpiresAt));
        await state.WriteOrDropActivation(this);
        return new CodeRequestOutcome(true, null);
    }

    public async Task Erase()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<bool> TryUseCode(string code)
    {
        var s = state.State;
        if (s.CodeHash is null || s.CodeTriesLeft <= 0 || clock.GetUtcNow() >= s.CodeExpiresAt)
        {
            return false;
        }
        var right = CryptographicOperations.FixedTimeEquals(protector.OneTimeCodeHash(MemberId, code), s.CodeHash);
        if (right)
        {
            // Used up; and having the phone in hand also lifts a password lock-out.
            s.CodeHash = null;
            s.CodeTriesLeft = 0;
            s.PasswordFailures = 0;
            s.LockedUntil = null;
        }
        else if (--s.CodeTriesLeft == 0)
        {
            s.CodeHash = null;
        }
        await state.WriteOrDropActivation(this);
        return right;
    }
}

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
    private readonly OneTimeCodes _codes = new(protector, options.Value);

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

    public async Task<CodeRequestOutcome> SendCode(string phone, string? template = null)
    {
        var outcome = _codes.Issue(state.State, MemberId, phone, MemberId, template ?? NotificationTemplates.SignInCode, clock.GetUtcNow());
        if (outcome.Sent)
        {
            await state.WriteOrDropActivation(this);
        }
        return outcome;
    }

    public async Task Erase()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<bool> TryUseCode(string code)
    {
        var s = state.State;
        if (_codes.TryUse(s, MemberId, code, clock.GetUtcNow()) is not { } right)
        {
            return false;
        }
        if (right)
        {
            // Having the phone in hand also lifts a password lock-out.
            s.PasswordFailures = 0;
            s.LockedUntil = null;
        }
        await state.WriteOrDropActivation(this);
        return right;
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Cards;

/// <inheritdoc cref="IPaymentPinGrain"/>
public sealed class PaymentPinGrain(
    [PersistentState("paymentPin", "loyalty")] IPersistentState<PaymentPinState> state,
    PersonalDataProtector protector,
    IOptions<PaymentPinOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IPaymentPinGrain
{
    private string MemberId => this.GetPrimaryKeyString();

    public Task<PaymentPinStatus> Status()
    {
        var s = state.State;
        return Task.FromResult(new PaymentPinStatus(s.PinHash is not null, LockedNow(), s.ChangedAt));
    }

    public async Task Set(string pin)
    {
        var s = state.State;
        s.PinHash = protector.PaymentPinHash(MemberId, pin);
        s.Failures = 0;
        s.LockedUntil = null;
        s.ChangedAt = clock.GetUtcNow();
        await state.WriteOrDropActivation(this);
    }

    public async Task Clear()
    {
        if (state.State.PinHash is null && state.State.LockedUntil is null)
        {
            return;
        }
        state.State = new PaymentPinState { ChangedAt = clock.GetUtcNow() };
        await state.WriteOrDropActivation(this);
    }

    public async Task<PaymentPinCheck> Check(string? pin)
    {
        var s = state.State;
        if (s.PinHash is null)
        {
            return new PaymentPinCheck(PaymentPinVerdict.NotSet, 0, null);
        }
        if (LockedNow() is { } lockedUntil)
        {
            return new PaymentPinCheck(PaymentPinVerdict.Locked, 0, lockedUntil);
        }
        var tries = options.Value.Tries;
        if (pin is null)
        {
            return new PaymentPinCheck(PaymentPinVerdict.Missing, tries - s.Failures, null);
        }
        if (CryptographicOperations.FixedTimeEquals(s.PinHash, protector.PaymentPinHash(MemberId, pin)))
        {
            if (s.Failures > 0)
            {
                s.Failures = 0;
                await state.WriteOrDropActivation(this);
            }
            return new PaymentPinCheck(PaymentPinVerdict.Right, tries, null);
        }
        // Counted durably before the answer: restarting the silo must not give a guesser fresh tries.
        s.Failures++;
        if (s.Failures >= tries)
        {
            s.Failures = 0;
            s.LockedUntil = clock.GetUtcNow() + options.Value.LockOut;
            await state.WriteOrDropActivation(this);
            return new PaymentPinCheck(PaymentPinVerdict.Locked, 0, s.LockedUntil);
        }
        await state.WriteOrDropActivation(this);
        return new PaymentPinCheck(PaymentPinVerdict.Wrong, tries - s.Failures, null);
    }

    private DateTimeOffset? LockedNow() =>
        state.State.LockedUntil is { } until && until > clock.GetUtcNow() ? until : null;
}

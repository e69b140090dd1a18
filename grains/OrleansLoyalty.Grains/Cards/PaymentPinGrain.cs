using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain.Payments;
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

    /// <summary>
    /// Woken with no PIN (a quote or pay asked because the member's flag did not rule it out): tells a member registered
    /// before the flag existed that they have none, so their later quotes and pays skip this grain. Once per activation,
    /// one-way; before any Set of this activation, so the member's "may have" from that Set can only come after it.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PinHash is null)
        {
            GrainFactory.GetGrain<IMemberGrain>(MemberId).LearnNoPaymentPin().Ignore();
        }
        return Task.CompletedTask;
    }

    public Task<PaymentPinStatus> Status()
    {
        var s = state.State;
        return Task.FromResult(new PaymentPinStatus(s.PinHash is not null, LockedNow(), s.ChangedAt));
    }

    public async Task<PaymentPinStatus> StatusForCode(long appCodeStep) =>
        await Status() with { AppCodeSpent = state.State.PaidCodes.Exists(c => c.Step == appCodeStep) };

    public async Task Set(string pin)
    {
        // First the member's "may have a PIN": a lane that reads the member as having none skips this grain, so that must
        // never be read while a PIN exists (a failure after this line leaves "may have" with no PIN: only slower).
        await GrainFactory.GetGrain<IMemberGrain>(MemberId).NotePaymentPinSet();
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
        // The spent app codes stay spent: clearing the PIN at the desk gives a photographed code no new sale.
        state.State = new PaymentPinState { ChangedAt = clock.GetUtcNow(), PaidCodes = state.State.PaidCodes };
        await state.WriteOrDropActivation(this);
    }

    public async Task<PaymentPinCheck> Check(string? pin)
    {
        var (check, changed) = Judge(pin);
        if (changed)
        {
            await state.WriteOrDropActivation(this);
        }
        return check;
    }

    public async Task<PaymentPinCheck> Authorize(StoredValuePayment payment)
    {
        var paid = payment.AppCode is { } code ? state.State.PaidCodes.Find(c => c.Step == code.Step) : null;
        var spent = paid is not null && paid.TxnId != payment.AppCode!.TxnId;
        var (check, changed) = Judge(payment.Pin);
        var demand = PaymentPins.Demand(payment.Policy, payment.Amount, payment.MemberHoldsIt && !spent, pinSet: check.Verdict != PaymentPinVerdict.NotSet);
        // A PIN the lane sent is never taken wrong, even where none was needed: the POS asked, and the shopper would
        // otherwise learn nothing from a typing error that a later sale would refuse.
        var passed = demand switch
        {
            PinDemand.None => check.Verdict != PaymentPinVerdict.Wrong,
            PinDemand.Required => check.Verdict == PaymentPinVerdict.Right,
            _ => false,
        };
        if (passed && payment.AppCode is { } shown && paid is null)
        {
            var codes = state.State.PaidCodes;
            codes.Add(new PaidAppCode(shown.Step, shown.TxnId));
            if (codes.Count > RememberedCodes)
            {
                codes.RemoveAt(0);
            }
            changed = true;
        }
        if (changed)
        {
            await state.WriteOrDropActivation(this);
        }
        return check with { Passed = passed, Demand = demand, AppCodeSpent = spent };
    }

    /// <summary>
    /// Enough for every code of the last <c>MemberCodes:AcceptFor</c> (ten one-minute codes) however many sales a
    /// member pays with them; an older code no lane accepts any more.
    /// </summary>
    internal const int RememberedCodes = 32;

    /// <summary>The PIN's verdict, counting a wrong one (and locking after too many); <c>Changed</c>: the state needs writing.</summary>
    private (PaymentPinCheck Check, bool Changed) Judge(string? pin)
    {
        var s = state.State;
        if (s.PinHash is null)
        {
            return (new PaymentPinCheck(PaymentPinVerdict.NotSet, 0, null), false);
        }
        if (LockedNow() is { } lockedUntil)
        {
            return (new PaymentPinCheck(PaymentPinVerdict.Locked, 0, lockedUntil), false);
        }
        var tries = options.Value.Tries;
        if (pin is null)
        {
            return (new PaymentPinCheck(PaymentPinVerdict.Missing, tries - s.Failures, null), false);
        }
        if (CryptographicOperations.FixedTimeEquals(s.PinHash, protector.PaymentPinHash(MemberId, pin)))
        {
            var hadFailures = s.Failures > 0;
            s.Failures = 0;
            return (new PaymentPinCheck(PaymentPinVerdict.Right, tries, null), hadFailures);
        }
        // Counted durably before the answer (the callers write when changed): restarting the silo must not give a
        // guesser fresh tries.
        s.Failures++;
        if (s.Failures >= tries)
        {
            s.Failures = 0;
            s.LockedUntil = clock.GetUtcNow() + options.Value.LockOut;
            return (new PaymentPinCheck(PaymentPinVerdict.Locked, 0, s.LockedUntil), true);
        }
        return (new PaymentPinCheck(PaymentPinVerdict.Wrong, tries - s.Failures, null), true);
    }

    private DateTimeOffset? LockedNow() =>
        state.State.LockedUntil is { } until && until > clock.GetUtcNow() ? until : null;
}

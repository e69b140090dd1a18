namespace OrleansLoyalty.Contracts.Cards;

/// <summary>
/// A member's payment PIN (支付密码) for stored value, keyed by memberId (docs/payment-pin.md). Only a keyed hash of
/// the PIN is kept. Every check passes through this one activation, so the limit on wrong guesses holds however many
/// lanes try at once.
/// </summary>
public interface IPaymentPinGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<PaymentPinStatus> Status();

    /// <summary><see cref="Status()"/>, and whether the app code made in <paramref name="appCodeStep"/> has already paid a sale.</summary>
    [ReadOnly]
    Task<PaymentPinStatus> StatusForCode(long appCodeStep);

    /// <summary>Sets or replaces the PIN (the caller checked the member's proof); wrong guesses and a lock are forgotten.</summary>
    Task Set(string pin);

    /// <summary>Removes the PIN (staff at the desk after an identity check, or erasure): stored value is then paid only with the card or app code shown.</summary>
    Task Clear();

    /// <summary>
    /// Checks <paramref name="pin"/> (null: none was given). A wrong PIN counts; the limit-th wrong one in a row locks
    /// the PIN, and a locked PIN refuses even the right one until the lock ends or the member sets a new PIN.
    /// </summary>
    Task<PaymentPinCheck> Check(string? pin);

    /// <summary>
    /// Judges a sale's stored-value payment by the programme's rules (docs/payment-pin.md): checks the PIN as
    /// <see cref="Check"/> does, and lets an app code pay one sale only, a second sale with the same code counting as
    /// if the shopper had only said their phone number. A code is recorded as spent only by a payment that passes.
    /// </summary>
    Task<PaymentPinCheck> Authorize(StoredValuePayment payment);
}

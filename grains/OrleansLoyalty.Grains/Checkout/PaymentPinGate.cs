using System.Globalization;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Domain.Payments;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Asks for the member's payment PIN where the programme's stored-value rules want it (docs/payment-pin.md), before a
/// sale does anything: a refusal here changes nothing but the count of wrong PINs. Each member's PIN grain judges the
/// payment, so that an app code pays one sale however many lanes try it at once.
/// </summary>
public sealed class PaymentPinGate(IGrainFactory grains, IProgrammeSource programme)
{
    /// <param name="owners">The members whose cards the sale takes stored value from.</param>
    /// <param name="shown">How the shopper was identified (null: anonymous).</param>
    /// <param name="appCode">The app code the shopper showed, as the resolver read it, for this sale.</param>
    /// <param name="ownerHasNoPin">The one owner is the identified member, known to have no PIN (their pricing view).</param>
    public async Task Require(IReadOnlyCollection<string> owners, MemberRef? shown, long storedValue, string? pin, AppCodePayment? appCode,
        bool ownerHasNoPin = false)
    {
        var payment = new StoredValuePayment(storedValue, shown?.MemberHoldsIt ?? false, pin, appCode, programme.Current.StoredValueRules);
        if (ownerHasNoPin && appCode is null)
        {
            // Without a PIN the grain's judgement is the rule alone (a PIN sent anyway cannot be wrong), and without an app
            // code there is nothing to record: no call, and no activation of a grain that holds nothing.
            if (PaymentPins.Demand(payment.Policy, storedValue, payment.MemberHoldsIt, pinSet: false) == PinDemand.None)
            {
                return;
            }
            throw PinRequiredButNotSet(appCodeSpent: false);
        }
        foreach (var owner in owners)
        {
            var check = await grains.GetGrain<IPaymentPinGrain>(owner).Authorize(payment);
            if (check.Passed)
            {
                continue;
            }
            if (check.Demand == PinDemand.RequiredButNotSet)
            {
                throw PinRequiredButNotSet(check.AppCodeSpent);
            }
            throw check.Verdict switch
            {
                PaymentPinVerdict.Wrong => new LoyaltyException(ErrorCodes.StoredValuePinWrong,
                    $"The payment PIN is wrong; {check.TriesLeft.ToString(CultureInfo.InvariantCulture)} more wrong and it locks.", 422),
                PaymentPinVerdict.Locked => new LoyaltyException(ErrorCodes.StoredValuePinLocked,
                    $"The payment PIN is locked after too many wrong tries until {check.LockedUntil:yyyy-MM-dd HH:mm} UTC; the member can set a new one in the app.", 422),
                _ => new LoyaltyException(ErrorCodes.StoredValuePinRequired, "Ask the member for their payment PIN (支付密码) and pay again with it.", 422),
            };
        }
    }

    private static LoyaltyException PinRequiredButNotSet(bool appCodeSpent) =>
        new(ErrorCodes.StoredValuePinRequired, appCodeSpent
            ? "This member code has already paid a sale, and the member has no payment PIN: show the card or a fresh code from the app (刷新会员码)."
            : "Stored value without the card or the app code needs the member's payment PIN, and they have not set one: show the card or the app's member code.", 422);
}

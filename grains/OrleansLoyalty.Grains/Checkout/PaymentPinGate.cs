using System.Globalization;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Domain.Payments;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Asks for the member's payment PIN where the programme's stored-value rules want it (docs/payment-pin.md), before a
/// sale does anything: a refusal here changes nothing but the count of wrong PINs.
/// </summary>
public sealed class PaymentPinGate(IGrainFactory grains, IProgrammeSource programme)
{
    /// <param name="owners">The members whose cards the sale takes stored value from.</param>
    /// <param name="shown">How the shopper was identified (null: anonymous).</param>
    public async Task Require(IReadOnlyCollection<string> owners, MemberRef? shown, long storedValue, string? pin)
    {
        foreach (var owner in owners)
        {
            var check = await grains.GetGrain<IPaymentPinGrain>(owner).Check(pin);
            var demand = PaymentPins.Demand(programme.Current.StoredValueRules, storedValue, shown?.MemberHoldsIt ?? false,
                pinSet: check.Verdict != PaymentPinVerdict.NotSet);
            // A PIN the lane sent is never taken wrong, even where none was needed: the POS asked, and the shopper would
            // otherwise learn nothing from a typing error that a later sale would refuse.
            if (demand == PinDemand.None && check.Verdict != PaymentPinVerdict.Wrong)
            {
                continue;
            }
            if (demand == PinDemand.RequiredButNotSet)
            {
                throw new LoyaltyException(ErrorCodes.StoredValuePinRequired,
                    "Stored value without the card or the app code needs the member's payment PIN, and they have not set one: show the card or the app's member code.", 422);
            }
            switch (check.Verdict)
            {
                case PaymentPinVerdict.Missing:
                    throw new LoyaltyException(ErrorCodes.StoredValuePinRequired, "Ask the member for their payment PIN (支付密码) and pay again with it.", 422);
                case PaymentPinVerdict.Wrong:
                    throw new LoyaltyException(ErrorCodes.StoredValuePinWrong,
                        $"The payment PIN is wrong; {check.TriesLeft.ToString(CultureInfo.InvariantCulture)} more wrong and it locks.", 422);
                case PaymentPinVerdict.Locked:
                    throw new LoyaltyException(ErrorCodes.StoredValuePinLocked,
                        $"The payment PIN is locked after too many wrong tries until {check.LockedUntil:yyyy-MM-dd HH:mm} UTC; the member can set a new one in the app.", 422);
            }
        }
    }
}

namespace OrleansLoyalty.Domain.Payments;

/// <summary>The rules of the member's payment PIN (支付密码): its form, and when a stored-value payment needs it.</summary>
public static class PaymentPins
{
    public const int Length = 6;

    /// <summary>Exactly six ASCII digits.</summary>
    public static bool IsWellFormed(string? pin) => pin is { Length: Length } && pin.All(char.IsAsciiDigit);

    /// <summary>
    /// A PIN anyone would try first: one digit six times, or a run up or down (123456, 987654). With five tries before
    /// the lock, refusing these is what keeps the lock meaningful.
    /// </summary>
    public static bool IsWeak(string pin)
    {
        if (pin.All(c => c == pin[0]))
        {
            return true;
        }
        var up = true;
        var down = true;
        for (var i = 1; i < pin.Length; i++)
        {
            up &= pin[i] == pin[i - 1] + 1;
            down &= pin[i] == pin[i - 1] - 1;
        }
        return up || down;
    }

    /// <param name="storedValue">The stored value the sale takes, in fen (0: the rule is not asked).</param>
    /// <param name="memberHoldsIt">The card or the app code was shown, not only a phone number or a member id.</param>
    /// <param name="pinSet">The member has a payment PIN.</param>
    public static PinDemand Demand(StoredValuePolicy policy, long storedValue, bool memberHoldsIt, bool pinSet)
    {
        if (storedValue <= 0)
        {
            return PinDemand.None;
        }
        if (!memberHoldsIt)
        {
            return !policy.PinWhenNotShown ? PinDemand.None : pinSet ? PinDemand.Required : PinDemand.RequiredButNotSet;
        }
        return pinSet && storedValue > policy.PinFreeLimit ? PinDemand.Required : PinDemand.None;
    }
}

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

    /// <summary>
    /// What <see cref="Demand"/> will ask of a stored-value payment by this shopper, said before the amount is known
    /// (the lane's display and the quote carry it).
    /// </summary>
    /// <param name="lockedUntil">The PIN's lock, when it is locked now.</param>
    public static StoredValuePinHint Hint(StoredValuePolicy policy, bool memberHoldsIt, bool pinSet, DateTimeOffset? lockedUntil)
    {
        var freeUpTo = memberHoldsIt ? policy.PinFreeLimit : 0;
        if (!memberHoldsIt && policy.PinWhenNotShown && !pinSet)
        {
            return new StoredValuePinHint(StoredValuePinStates.ShowCard);
        }
        if (!pinSet || (!memberHoldsIt && !policy.PinWhenNotShown))
        {
            return new StoredValuePinHint(StoredValuePinStates.None);
        }
        return lockedUntil is { } until
            ? new StoredValuePinHint(StoredValuePinStates.Locked, freeUpTo, until)
            : new StoredValuePinHint(StoredValuePinStates.Needed, freeUpTo);
    }
}

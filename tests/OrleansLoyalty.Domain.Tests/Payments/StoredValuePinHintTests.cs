using FsCheck;
using FsCheck.Xunit;
using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Domain.Tests.Payments;

/// <summary>The hint a lane shows before the pay must say exactly what the pay will then ask.</summary>
public sealed class StoredValuePinHintTests
{
    private static readonly DateTimeOffset LockEnds = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 500)]
    public void The_hint_foretells_every_payment(NonNegativeInt freeLimit, bool whenNotShown, bool shown, bool pinSet, bool locked, PositiveInt storedValue)
    {
        var policy = new StoredValuePolicy(freeLimit.Get, whenNotShown);
        var hint = PaymentPins.Hint(policy, shown, pinSet, pinSet && locked ? LockEnds : null);
        var demand = PaymentPins.Demand(policy, storedValue.Get, shown, pinSet);

        var foretold = hint.State switch
        {
            StoredValuePinStates.None => demand == PinDemand.None,
            StoredValuePinStates.ShowCard => demand == PinDemand.RequiredButNotSet,
            StoredValuePinStates.Needed or StoredValuePinStates.Locked =>
                demand == (storedValue.Get > hint.FreeUpTo ? PinDemand.Required : PinDemand.None),
            _ => false,
        };
        Assert.True(foretold, $"{hint} against {demand} for {storedValue.Get} fen");
    }

    [Fact]
    public void A_card_shown_pays_up_to_the_limit_without_the_pin_and_a_phone_never_does()
    {
        var policy = StoredValuePolicy.Default with { PinFreeLimit = 5_000 };

        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.Needed, 5_000), PaymentPins.Hint(policy, memberHoldsIt: true, pinSet: true, lockedUntil: null));
        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.Needed, 0), PaymentPins.Hint(policy, memberHoldsIt: false, pinSet: true, lockedUntil: null));
        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.None), PaymentPins.Hint(policy, memberHoldsIt: true, pinSet: false, lockedUntil: null));
        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.ShowCard), PaymentPins.Hint(policy, memberHoldsIt: false, pinSet: false, lockedUntil: null));
        Assert.Equal(new StoredValuePinHint(StoredValuePinStates.Locked, 5_000, LockEnds), PaymentPins.Hint(policy, memberHoldsIt: true, pinSet: true, lockedUntil: LockEnds));
    }
}

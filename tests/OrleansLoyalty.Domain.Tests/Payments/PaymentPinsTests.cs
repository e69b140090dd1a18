using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Domain.Tests.Payments;

public sealed class PaymentPinsTests
{
    private static readonly StoredValuePolicy Default = StoredValuePolicy.Default;

    [Theory]
    [InlineData("482916", true)]
    [InlineData("048291", true)]
    [InlineData("48291", false)]
    [InlineData("4829160", false)]
    [InlineData("48291a", false)]
    [InlineData("４８２９１６", false)]
    [InlineData(null, false)]
    public void A_pin_is_six_ascii_digits(string? pin, bool wellFormed) => Assert.Equal(wellFormed, PaymentPins.IsWellFormed(pin));

    [Theory]
    [InlineData("000000", true)]
    [InlineData("888888", true)]
    [InlineData("123456", true)]
    [InlineData("456789", true)]
    [InlineData("987654", true)]
    [InlineData("654321", true)]
    [InlineData("123457", false)]
    [InlineData("112233", false)]
    [InlineData("901234", false)]
    public void Repeated_digits_and_runs_are_weak(string pin, bool weak) => Assert.Equal(weak, PaymentPins.IsWeak(pin));

    [Theory]
    // Shown (card or app code): a PIN only where the member set one, and above the PIN-free limit.
    [InlineData(0, true, false, 5_000, PinDemand.None)]
    [InlineData(0, true, true, 5_000, PinDemand.Required)]
    [InlineData(5_000, true, true, 5_000, PinDemand.None)]
    [InlineData(5_000, true, true, 5_001, PinDemand.Required)]
    // Not shown (phone, member id, a card number typed in): always the PIN, and none set means no payment.
    [InlineData(5_000, false, true, 1, PinDemand.Required)]
    [InlineData(5_000, false, false, 1, PinDemand.RequiredButNotSet)]
    // No stored value: never asked.
    [InlineData(0, false, true, 0, PinDemand.None)]
    public void When_a_payment_needs_the_pin(long pinFreeLimit, bool shown, bool pinSet, long storedValue, PinDemand expected) =>
        Assert.Equal(expected, PaymentPins.Demand(Default with { PinFreeLimit = pinFreeLimit }, storedValue, shown, pinSet));

    [Fact]
    public void A_chain_may_let_stored_value_be_paid_without_the_card_or_a_pin()
    {
        var lenient = Default with { PinWhenNotShown = false };

        Assert.Equal(PinDemand.None, PaymentPins.Demand(lenient, 10_000, memberHoldsIt: false, pinSet: false));
        Assert.Equal(PinDemand.None, PaymentPins.Demand(lenient, 10_000, memberHoldsIt: false, pinSet: true));
    }

    [Fact]
    public void A_programme_saved_before_the_rules_existed_gets_the_defaults_and_a_negative_limit_is_refused()
    {
        var old = Programme.Default with { StoredValue = null };

        Assert.Equal(StoredValuePolicy.Default, old.StoredValueRules);
        Assert.Empty(ProgrammeValidator.Validate(old));
        Assert.Contains(ProgrammeValidator.Validate(Programme.Default with { StoredValue = new StoredValuePolicy(-1, true) }),
            e => e.StartsWith("storedValue.pinFreeLimit", StringComparison.Ordinal));
    }
}

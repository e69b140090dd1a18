namespace OrleansLoyalty.Contracts.Cards;

/// <summary>What a PIN check found.</summary>
[GenerateSerializer, Alias("cards.PaymentPinVerdict")]
public enum PaymentPinVerdict
{
    /// <summary>The member has no PIN.</summary>
    NotSet,
    /// <summary>A PIN is set and none was given.</summary>
    Missing,
    Right,
    Wrong,
    Locked,
}

/// <param name="TriesLeft">After a wrong PIN: how many more may be wrong before the PIN locks.</param>
/// <param name="LockedUntil">When the PIN is locked: until when.</param>
/// <param name="Passed">For a stored-value payment: whether it may go ahead.</param>
/// <param name="Demand">For a stored-value payment: what the programme's rules asked of it.</param>
/// <param name="AppCodeSpent">For a payment by app code: the code had already paid another sale, so it counted as not shown.</param>
[GenerateSerializer, Immutable, Alias("cards.PaymentPinCheck")]
public sealed record PaymentPinCheck(
    [property: Id(0)] PaymentPinVerdict Verdict,
    [property: Id(1)] int TriesLeft,
    [property: Id(2)] DateTimeOffset? LockedUntil,
    [property: Id(3)] bool Passed = false,
    [property: Id(4)] Domain.Payments.PinDemand Demand = Domain.Payments.PinDemand.None,
    [property: Id(5)] bool AppCodeSpent = false);

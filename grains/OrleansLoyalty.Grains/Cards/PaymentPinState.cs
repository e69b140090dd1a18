namespace OrleansLoyalty.Grains.Cards;

[GenerateSerializer, Alias("state.PaymentPin")]
public sealed class PaymentPinState
{
    /// <summary>Keyed hash of the PIN (<see cref="Security.PersonalDataProtector.PaymentPinHash"/>); null: no PIN.</summary>
    [Id(0)] public byte[]? PinHash { get; set; }

    /// <summary>Wrong PINs since the last right one.</summary>
    [Id(1)] public int Failures { get; set; }

    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(3)] public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>The app codes that paid stored value, newest last (<see cref="PaymentPinGrain.RememberedCodes"/> of them).</summary>
    [Id(4)] public List<PaidAppCode> PaidCodes { get; set; } = [];
}

/// <summary>An app code (by the minute it was made in) and the sale it paid.</summary>
[GenerateSerializer]
public sealed record PaidAppCode([property: Id(0)] long Step, [property: Id(1)] string TxnId);

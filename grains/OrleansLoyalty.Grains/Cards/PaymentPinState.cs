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
}

using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Cards;

/// <summary>Limits of the payment PIN (docs/payment-pin.md). Bound from the "PaymentPin" section.</summary>
public sealed class PaymentPinOptions
{
    public const string SectionName = "PaymentPin";

    /// <summary>Wrong PINs in a row that lock it.</summary>
    [Range(3, 10)]
    public int Tries { get; set; } = 5;

    /// <summary>How long a lock lasts; setting a new PIN (with a code sent to the member's phone) ends it at once.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan LockOut { get; set; } = TimeSpan.FromHours(24);
}

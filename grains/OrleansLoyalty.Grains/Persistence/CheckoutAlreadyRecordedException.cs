namespace OrleansLoyalty.Grains.Persistence;

/// <summary>
/// A state write was refused because the checkout it would record already has a row (another attempt of the same
/// txnId committed first, or the txnId belongs to another transaction). Nothing of the write was stored.
/// </summary>
/// <remarks>An <see cref="OrleansException"/>, so that Orleans' state bridge passes it to the grain as it is rather than wrapped.</remarks>
[GenerateSerializer, Alias("persistence.CheckoutAlreadyRecordedException")]
public sealed class CheckoutAlreadyRecordedException : OrleansException
{
    public CheckoutAlreadyRecordedException(string txnId)
        : base($"Checkout {txnId} is already recorded; the state write that would record it again was not stored.")
    {
        TxnId = txnId;
    }

    [Id(0)]
    public string TxnId { get; }
}

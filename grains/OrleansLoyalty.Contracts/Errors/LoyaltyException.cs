namespace OrleansLoyalty.Contracts.Errors;

/// <summary>
/// A refusal the caller can act on (a lost card, a used coupon, a conflicting txnId). It crosses grain
/// boundaries intact so the API can answer with a problem document carrying the same stable <see cref="Code"/>.
/// </summary>
[GenerateSerializer, Alias("errors.LoyaltyException")]
public sealed class LoyaltyException : Exception
{
    public LoyaltyException(string code, string message, int status = 409)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    /// <summary>Stable machine-readable code, e.g. <c>card.lost</c>.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>The HTTP status the API answers with.</summary>
    [Id(1)]
    public int Status { get; }
}

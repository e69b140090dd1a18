namespace OrleansLoyalty.Grains.Checkout;

/// <summary>A checkout's durable record. <see cref="Status"/>: committing → committed | aborted.</summary>
public sealed record CheckoutRow(string TxnId, string Status, string RequestHash, string? PlanJson, string? ReceiptJson,
    string Kind = CheckoutKinds.Sale, string? ReturnBasisJson = null);

public static class CheckoutKinds
{
    public const string Sale = "sale";
    public const string Return = "return";
}

public static class CheckoutStatus
{
    public const string Committing = "committing";
    public const string Committed = "committed";
    public const string Aborted = "aborted";
}

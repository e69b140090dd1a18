namespace OrleansLoyalty.Api.Checkout;

// The bodies have plain settable properties, not primary constructors nor init-only setters: System.Text.Json (and
// its source generator, which can only set init-only properties through a constructor-like call) then fills each
// object as it reads instead of caching every argument first (a basket has up to 1,000 lines, each one object).

public sealed record MemberRefBody
{
    public string? CardNo { get; set; }
    public string? MemberId { get; set; }
    public string? Phone { get; set; }
    public string? MemberCode { get; set; }
}

public sealed record LineBody
{
    public string? LineId { get; set; }
    public string? Sku { get; set; }
    public int? Qty { get; set; }
    public int? WeightGrams { get; set; }
    public long? UnitPrice { get; set; }
    public string[]? CategoryPath { get; set; }
}

public sealed record TenderBody
{
    public string? Kind { get; set; }
    public long? Amount { get; set; }
    public string? CardNo { get; set; }
}

/// <summary>POST /checkout/quote and, with <see cref="TxnId"/> and <see cref="Tenders"/>, POST /checkout/commit.</summary>
public sealed record CheckoutBody
{
    public string? StoreId { get; set; }
    public string? LaneId { get; set; }
    public MemberRefBody? Member { get; set; }
    public LineBody[]? Lines { get; set; }
    public string[]? Coupons { get; set; }
    public long? RedeemPoints { get; set; }
    public string? TxnId { get; set; }
    public TenderBody[]? Tenders { get; set; }
    /// <summary>The member's payment PIN when stored value needs it (docs/payment-pin.md); commit only.</summary>
    public string? PaymentPin { get; set; }
}

public sealed record ReturnLineBody
{
    public string? LineId { get; set; }
    public int? Qty { get; set; }
}

/// <summary>POST /checkout/returns.</summary>
public sealed record ReturnBody
{
    public string? TxnId { get; set; }
    public string? OriginalTxnId { get; set; }
    public string? StoreId { get; set; }
    public string? LaneId { get; set; }
    public ReturnLineBody[]? Lines { get; set; }
}

/// <summary>POST /checkout/transactions/{txnId}/void: takes the whole purchase back.</summary>
public sealed record VoidBody
{
    public string? TxnId { get; set; }
    public string? StoreId { get; set; }
    public string? LaneId { get; set; }
}

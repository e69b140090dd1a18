namespace OrleansLoyalty.Api.Checkout;

// The bodies have settable properties rather than primary constructors: System.Text.Json then fills each object as it
// reads instead of caching every constructor argument first (a basket has up to 1,000 lines, each one object).

public sealed record MemberRefBody
{
    public string? CardNo { get; init; }
    public string? MemberId { get; init; }
    public string? Phone { get; init; }
    public string? MemberCode { get; init; }
}

public sealed record LineBody
{
    public string? LineId { get; init; }
    public string? Sku { get; init; }
    public int? Qty { get; init; }
    public int? WeightGrams { get; init; }
    public long? UnitPrice { get; init; }
    public string[]? CategoryPath { get; init; }
}

public sealed record TenderBody
{
    public string? Kind { get; init; }
    public long? Amount { get; init; }
    public string? CardNo { get; init; }
}

/// <summary>POST /checkout/quote and, with <see cref="TxnId"/> and <see cref="Tenders"/>, POST /checkout/commit.</summary>
public sealed record CheckoutBody
{
    public string? StoreId { get; init; }
    public string? LaneId { get; init; }
    public MemberRefBody? Member { get; init; }
    public LineBody[]? Lines { get; init; }
    public string[]? Coupons { get; init; }
    public long? RedeemPoints { get; init; }
    public string? TxnId { get; init; }
    public TenderBody[]? Tenders { get; init; }
}

public sealed record ReturnLineBody
{
    public string? LineId { get; init; }
    public int? Qty { get; init; }
}

/// <summary>POST /checkout/returns.</summary>
public sealed record ReturnBody
{
    public string? TxnId { get; init; }
    public string? OriginalTxnId { get; init; }
    public string? StoreId { get; init; }
    public string? LaneId { get; init; }
    public ReturnLineBody[]? Lines { get; init; }
}

/// <summary>POST /checkout/transactions/{txnId}/void: takes the whole purchase back.</summary>
public sealed record VoidBody
{
    public string? TxnId { get; init; }
    public string? StoreId { get; init; }
    public string? LaneId { get; init; }
}

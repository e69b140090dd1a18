namespace OrleansLoyalty.Api.Checkout;

public sealed record MemberRefBody(string? CardNo, string? MemberId, string? Phone, string? MemberCode);

public sealed record LineBody(string? LineId, string? Sku, int? Qty, int? WeightGrams, long? UnitPrice, string[]? CategoryPath);

public sealed record TenderBody(string? Kind, long? Amount, string? CardNo);

/// <summary>POST /checkout/quote and, with <see cref="TxnId"/> and <see cref="Tenders"/>, POST /checkout/commit.</summary>
public sealed record CheckoutBody(
    string? StoreId,
    string? LaneId,
    MemberRefBody? Member,
    LineBody[]? Lines,
    string[]? Coupons,
    long? RedeemPoints,
    string? TxnId,
    TenderBody[]? Tenders);

public sealed record ReturnLineBody(string? LineId, int? Qty);

/// <summary>POST /checkout/returns.</summary>
public sealed record ReturnBody(string? TxnId, string? OriginalTxnId, string? StoreId, string? LaneId, ReturnLineBody[]? Lines);

/// <summary>POST /checkout/transactions/{txnId}/void: takes the whole purchase back.</summary>
public sealed record VoidBody(string? TxnId, string? StoreId, string? LaneId);

namespace OrleansLoyalty.Api.Cards;

public sealed record BindCardRequest(string? CardNo, string? Medium, string? StoreId);

public sealed record ReplaceCardRequest(string? NewCardNo, string? StoreId);

public sealed record ReportLostRequest(string? StoreId);

public sealed record TopUpRequest(string? TxnId, long? Amount, string? Tender, string? StoreId);

public sealed record RefundRequest(string? TxnId, long? Amount, string? StoreId);

public sealed record CardView(string CardNo, string Status, string? MemberId, string? Medium, long Balance, string? ExpiresOn, string? ReplacedBy);

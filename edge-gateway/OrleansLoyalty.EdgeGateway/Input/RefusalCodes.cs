namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>Stable <c>code</c>s of the gateway's own <c>error</c> messages (the cluster adds its own, e.g. <c>card.lost</c>).</summary>
public static class RefusalCodes
{
    public const string TooLarge = "request.too_large";
    public const string MalformedJson = "request.malformed_json";
    public const string Invalid = "request.invalid";
    public const string OfflineUnavailable = "offline.unavailable";
    public const string UnknownItem = "catalog.unknown_item";
    public const string NoSuchLine = "basket.no_such_line";
    public const string TenderMismatch = "tender.mismatch";
    public const string GatewayFailure = "gateway.failure";
}

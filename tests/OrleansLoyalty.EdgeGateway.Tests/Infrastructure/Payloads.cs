namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>Device payloads as the MQTT contract spells them.</summary>
public static class Payloads
{
    public const string At = "2026-11-22T09:30:00+08:00";

    public static string Card(string eventId, string cardNo, string medium = "ic") =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","cardNo":"{{cardNo}}","medium":"{{medium}}"}""";

    public static string Scan(string eventId, string barcode, int qty = 1) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","barcode":"{{barcode}}","qty":{{qty}}}""";

    public static string Weighed(string eventId, string barcode, int grams) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","barcode":"{{barcode}}","weightGrams":{{grams}}}""";

    public static string Coupon(string eventId, string code) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","type":"coupon","code":"{{code}}"}""";

    public static string RedeemPoints(string eventId, long points) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","type":"redeemPoints","points":{{points}}}""";

    public static string Pay(string eventId, string txnId, long amount, string kind = "cash") =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","type":"pay","txnId":"{{txnId}}","tenders":[{"kind":"{{kind}}","amount":{{amount}}}]}""";

    public static string StoredValuePay(string eventId, string txnId, long amount, string paymentPin) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","type":"pay","txnId":"{{txnId}}","paymentPin":"{{paymentPin}}","tenders":[{"kind":"storedValue","amount":{{amount}}}]}""";

    public static string Void(string eventId) =>
        $$"""{"eventId":"{{eventId}}","at":"{{At}}","type":"void"}""";

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];
}

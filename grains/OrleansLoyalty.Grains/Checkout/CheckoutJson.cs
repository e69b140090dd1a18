using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>How plans and receipts are written to their row, and how a request is fingerprinted for txnId reuse.</summary>
public static class CheckoutJson
{
    /// <summary>
    /// Plans and receipts: stored as text and never embedded in HTML, so Chinese names and categories are written as
    /// they are rather than as \uXXXX escapes (smaller rows, less work on every commit).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fingerprint's own options, kept as they were when rows were first written: a retry must hash the same.</summary>
    private static readonly JsonSerializerOptions FingerprintOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>The request's canonical JSON: the same body always gives the same bytes.</summary>
    public static byte[] Canonical<T>(T request) => JsonSerializer.SerializeToUtf8Bytes(request, FingerprintOptions);
}

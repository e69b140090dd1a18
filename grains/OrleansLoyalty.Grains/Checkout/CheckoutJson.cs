using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>How plans and receipts are written to their row, and how a request is fingerprinted for txnId reuse.</summary>
public static class CheckoutJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>The request's canonical JSON: the same body always gives the same bytes.</summary>
    public static byte[] Canonical<T>(T request) => JsonSerializer.SerializeToUtf8Bytes(request, Options);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Api.Json;

/// <summary>How the api writes JSON: the contract's conventions, in one place for the api and its tests.</summary>
public static class ApiJson
{
    /// <summary>Enums as camelCase strings, nulls left out, non-ASCII text as UTF-8.</summary>
    public static JsonSerializerOptions ApplyContractConventions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Responses are application/json, never inlined into HTML: Chinese product names and discount reasons go
        // out as UTF-8 rather than \uXXXX escapes (half the bytes for every CJK character a lane receives).
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}

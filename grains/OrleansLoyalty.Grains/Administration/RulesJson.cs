using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>
/// How the rules (programme, campaigns, coupon templates) are written as JSON, in their rows and on the wire:
/// camelCase, enums as camelCase strings, computed properties left out so a round trip gives the same record.
/// </summary>
public static class RulesJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        IgnoreReadOnlyProperties = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}

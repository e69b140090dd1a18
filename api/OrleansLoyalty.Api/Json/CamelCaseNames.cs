using System.Collections.Frozen;
using System.Text.Json;

namespace OrleansLoyalty.Api.Json;

/// <summary>An enum's values as the api's enum converter writes them (camelCase names), encoded once.</summary>
public static class CamelCaseNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, JsonEncodedText> Names = Enum.GetValues<TEnum>()
        .Distinct()
        .ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));

    /// <summary>Writes the value's name, or its number for a value the enum does not name (as the converter does).</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText property, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Names.TryGetValue(value, out var name))
        {
            writer.WriteString(property, name);
        }
        else
        {
            writer.WriteNumber(property, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

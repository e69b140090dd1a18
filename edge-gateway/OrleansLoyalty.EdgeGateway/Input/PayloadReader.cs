using System.Globalization;
using System.Text.Json;

namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>Typed access to a device payload's fields; every failure names the field for the cashier's screen.</summary>
internal readonly struct PayloadReader(JsonElement root)
{
    public string RequiredId(string name) =>
        OptionalId(name) ?? throw new PayloadFieldException($"'{name}' is required");

    public string? OptionalId(string name)
    {
        var value = OptionalString(name);
        if (value is not null && !Identifiers.IsCallerId(value))
        {
            throw new PayloadFieldException($"'{name}' must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        }
        return value;
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new PayloadFieldException($"'{name}' is required");

    public string? OptionalString(string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new PayloadFieldException($"'{name}' must be a string");
        }
        return element.GetString();
    }

    public string RequiredOneOf(string name, params string[] allowed)
    {
        var value = RequiredString(name);
        return Array.IndexOf(allowed, value) >= 0
            ? value
            : throw new PayloadFieldException($"'{name}' must be one of {string.Join(", ", allowed)}");
    }

    public long RequiredLong(string name, long min, long max) =>
        OptionalLong(name, min, max) ?? throw new PayloadFieldException($"'{name}' is required");

    public long? OptionalLong(string name, long min, long max)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
        {
            throw new PayloadFieldException($"'{name}' must be an integer");
        }
        return value >= min && value <= max ? value : throw new PayloadFieldException($"'{name}' must be between {min} and {max}");
    }

    public int? OptionalInt(string name, int min, int max) => (int?)OptionalLong(name, min, max);

    public DateTimeOffset RequiredTimestamp(string name)
    {
        var text = RequiredString(name);
        if (!HasOffset(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new PayloadFieldException($"'{name}' must be an ISO-8601 timestamp with offset");
        }
        return at;
    }

    public JsonElement RequiredArray(string name, int maxLength)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new PayloadFieldException($"'{name}' is required");
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new PayloadFieldException($"'{name}' must be an array");
        }
        var length = element.GetArrayLength();
        return length >= 1 && length <= maxLength
            ? element
            : throw new PayloadFieldException($"'{name}' must have 1 to {maxLength} entries");
    }

    public static PayloadReader ForObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? new PayloadReader(element) : throw new PayloadFieldException($"{what} must be an object");

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z')
        || (text.Length >= 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
}

using System.Text.Json;

namespace OrleansLoyalty.Domain.Tests;

/// <summary>Structural comparison: records holding ImmutableArrays compare arrays by reference, JSON compares content.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}

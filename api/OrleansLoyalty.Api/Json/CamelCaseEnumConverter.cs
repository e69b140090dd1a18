using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Api.Json;

/// <summary>
/// One enum as camelCase strings (<c>"tier"</c>, <c>"percentOff"</c>), as the contract writes them: the form the
/// source generator's options can name (the api's reflection options use the non-generic converter for every enum).
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;

using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansLoyalty.Api.Checkout;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Json;

/// <summary>
/// Compile-time JSON for the lane's hot calls: the checkout bodies in, quotes and receipts out. The options are the
/// api's own (<see cref="Hosting.ApiHosting"/>): web defaults, nulls left out, enums as camelCase strings, so what
/// this context writes is byte for byte what reflection wrote (OrleansLoyalty.Api.Tests checks it).
/// </summary>
/// <remarks>
/// Bodies are read through the api's options with this context first in their resolver chain (no reflection for
/// them). Responses are written with <see cref="GeneratedJsonOk{T}"/>, which runs the generated writer ("fast path")
/// directly: it only runs under the context's own options, and those cannot carry the relaxed encoder, so the
/// result gives its writer that encoder itself.
/// </remarks>
// Every enum the responses carry needs its converter here, or it would go out as a number: a test walks the
// response types and fails for one that is missing.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<DiscountKind>), typeof(CamelCaseEnumConverter<CampaignKind>)])]
[JsonSerializable(typeof(CheckoutBody))]
[JsonSerializable(typeof(ReturnBody))]
[JsonSerializable(typeof(VoidBody))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(ReturnReceipt))]
internal sealed partial class CheckoutJsonContext : JsonSerializerContext;

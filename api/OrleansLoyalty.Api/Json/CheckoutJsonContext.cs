using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansLoyalty.Api.Checkout;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Api.Json;

/// <summary>
/// Compile-time JSON metadata for the checkout calls: the bodies in, the receipts out (the quote has its own writer,
/// <see cref="QuoteJson"/>). It sits first in the api's resolver chain (<see cref="Hosting.ApiHosting"/>), so these
/// types are read and written under the api's own options (its enum converter, encoder and null handling) without
/// reflection; every other type falls through to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckoutBody))]
[JsonSerializable(typeof(ReturnBody))]
[JsonSerializable(typeof(VoidBody))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(ReturnReceipt))]
internal sealed partial class CheckoutJsonContext : JsonSerializerContext;

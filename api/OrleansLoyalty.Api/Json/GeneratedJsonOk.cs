using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace OrleansLoyalty.Api.Json;

/// <summary>
/// 200 with <typeparamref name="T"/> as JSON, written by the source generator's serializer straight into the
/// response's pipe: no reflection-based converters and no write stack. Like <c>TypedResults.Ok</c> it declares its
/// response type, so the OpenAPI document is unchanged.
/// </summary>
public sealed class GeneratedJsonOk<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    private const string ContentType = "application/json; charset=utf-8";

    // Responses are application/json, never inlined into HTML: Chinese names and labels go out as UTF-8, not \uXXXX
    // (as the api's JsonOptions say; the generated options have no encoder, so the writer carries it).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public T Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        var body = response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        await body.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

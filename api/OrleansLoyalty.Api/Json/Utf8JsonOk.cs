using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace OrleansLoyalty.Api.Json;

/// <summary>
/// 200 with <typeparamref name="T"/> as JSON written by a hand-written writer straight into the response's pipe:
/// no converters, no write stack, no reflection. Like <c>TypedResults.Ok</c> it declares its response type, so the
/// OpenAPI document is unchanged. For the hottest answer only (the quote); its writer must match the serializer's
/// output byte for byte, which a test checks.
/// </summary>
public sealed class Utf8JsonOk<T>(T value, Action<Utf8JsonWriter, T> write) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    private const string ContentType = "application/json; charset=utf-8";

    // As ApiJson: responses are never inlined into HTML, so Chinese text goes out as UTF-8, not \uXXXX.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public T Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        var body = response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            write(writer, value);
        }
        await body.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Hands SMS to Alibaba Cloud (<c>SendSms</c>, API version 2017-05-25) as a signed form POST. Anything but
/// <c>"Code": "OK"</c> is an exception, so the dispatcher tries again later and finally records the provider's code.
/// The outbox message id goes along as <c>OutId</c>, so a message handed over twice can be told apart in the
/// provider's delivery reports.
/// </summary>
public sealed class AliyunSmsSender(IHttpClientFactory http, IOptions<AliyunSmsOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : INotificationSender
{
    public const string HttpClientName = "aliyun-sms";

    public string Channel => NotificationChannels.Sms;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var form = Request(delivery, settings, clock.GetUtcNow(), Guid.NewGuid().ToString("N"));
        using var client = http.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await client.PostAsync(settings.Endpoint, new FormUrlEncodedContent(form), timeout.Token);
        var answer = await ReadAnswer(response, timeout.Token);
        if (!response.IsSuccessStatusCode || answer?.Code != "OK")
        {
            throw new NotificationRefusedException(
                $"Aliyun SMS refused {delivery.Template}: HTTP {(int)response.StatusCode}, {answer?.Code ?? "no code"} {answer?.Message}".TrimEnd());
        }
    }

    /// <summary>The signed form of one message.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Request(NotificationDelivery delivery, AliyunSmsOptions settings, DateTimeOffset now, string nonce)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("AccessKeyId", settings.AccessKeyId),
            new("Action", "SendSms"),
            new("Format", "JSON"),
            new("OutId", delivery.MessageId),
            new("PhoneNumbers", delivery.Recipient),
            new("RegionId", settings.RegionId),
            new("SignName", settings.SignName),
            new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureNonce", nonce),
            new("SignatureVersion", "1.0"),
            new("TemplateCode", settings.Templates[delivery.Template]),
            new("TemplateParam", JsonSerializer.Serialize(TemplateVariables.Of(delivery.Template, delivery.Values), TemplateJson)),
            new("Timestamp", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("Version", "2017-05-25"),
        };
        parameters.Add(new("Signature", AliyunRpcSignature.Sign("POST", parameters, settings.AccessKeySecret)));
        return parameters;
    }

    private static async Task<AliyunAnswer?> ReadAnswer(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<AliyunAnswer>(ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Chinese as it is: the provider fills the characters into the approved template.
    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record AliyunAnswer(string? Code, string? Message, string? BizId, string? RequestId);
}

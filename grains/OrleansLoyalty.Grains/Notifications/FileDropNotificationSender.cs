using System.Text.Json;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// Delivers one channel's messages as JSON lines appended to <c>{channel}.jsonl</c> in a folder (<c>sms.jsonl</c>,
/// <c>email.jsonl</c>, <c>wechat.jsonl</c>): what the local run has instead of an SMS provider, a mail relay and
/// WeChat's service-message API (the developer reads their code there), and what the tests read.
/// </summary>
public sealed class FileDropNotificationSender(string folder, string channel = NotificationChannels.Sms) : INotificationSender
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Channel => channel;

    public string FilePath => Path.Combine(folder, Channel + ".jsonl");

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        using var values = JsonDocument.Parse(delivery.Values);
        var line = JsonSerializer.Serialize(new
        {
            delivery.MessageId,
            to = delivery.Recipient,
            delivery.Template,
            title = NotificationText.Title(delivery.Template),
            values = values.RootElement,
            delivery.Text,
            at = delivery.CreatedAt,
        }, DropJson) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(folder);
            await File.AppendAllTextAsync(FilePath, line, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static readonly JsonSerializerOptions DropJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

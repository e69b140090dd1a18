using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Hands e-mail to the chain's relay with MailKit, one connection kept open between messages (the dispatcher hands
/// them over one after another) and opened again after any failure. The <c>Message-Id</c> is derived from the outbox
/// message id, so a message handed over twice after a crash carries the same id and mail programs show it once.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpEmailOptions> options) : INotificationSender, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public string Channel => NotificationChannels.Email;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = Message(delivery, settings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var client = await Connected(settings, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // A relay that failed once is not trusted with the next message on the same connection.
            _client?.Dispose();
            _client = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static MimeMessage Message(NotificationDelivery delivery, SmtpEmailOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = NotificationText.Title(delivery.Template),
            Body = new TextPart("plain") { Text = delivery.Text },
            Date = delivery.CreatedAt,
            MessageId = MessageIdOf(delivery.MessageId, settings.From),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        return message;
    }

    /// <summary>The outbox id may hold characters a Message-Id may not; its hash may not, and stays the same on every hand-over.</summary>
    public static string MessageIdOf(string outboxMessageId, string from) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(outboxMessageId)))[..32] + "@" + from[(from.IndexOf('@') + 1)..];

    private async Task<SmtpClient> Connected(SmtpEmailOptions settings, CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        _client?.Dispose();
        _client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await _client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await _client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }
        return _client;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            await client.DisconnectAsync(quit: true);
        }
        _client?.Dispose();
        _gate.Dispose();
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Notifications.Providers;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansLoyalty.Grains.Tests.Notifications;

/// <summary>Against a real SMTP server in this process (SmtpServer), over the protocol a mail relay speaks.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private readonly Mailbox _mailbox = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port = FreePort();
    private Task _server = Task.CompletedTask;

    public Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("relay.test").Port(_port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_mailbox);
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    [Fact]
    public async Task A_reminder_arrives_with_its_subject_text_and_the_chains_sender()
    {
        await using var sender = Sender();

        await sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.PointsExpiring, NotificationChannels.Email, "li.na@example.cn"), CancellationToken.None);

        var mail = await _mailbox.Next();
        Assert.Equal("li.na@example.cn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(("好邻居会员中心", "members@haolinju.example"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Equal("积分即将到期提醒", mail.Subject);
        Assert.Contains("您有 150 积分将于 2041年12月31日 到期", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_handed_over_twice_carries_the_same_message_id_and_another_message_another()
    {
        await using var sender = Sender();
        var delivery = SampleDeliveries.Of(NotificationTemplates.BirthdayCoupon, NotificationChannels.Email, "li.na@example.cn");

        await sender.SendAsync(delivery, CancellationToken.None);
        await sender.SendAsync(delivery, CancellationToken.None);
        await sender.SendAsync(delivery with { MessageId = delivery.MessageId + "-next-year" }, CancellationToken.None);

        var ids = new[] { (await _mailbox.Next()).MessageId, (await _mailbox.Next()).MessageId, (await _mailbox.Next()).MessageId };
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.EndsWith("@haolinju.example", ids[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_that_is_down_is_an_error_for_the_dispatcher_to_retry()
    {
        await using var sender = new SmtpEmailSender(Options.Create(Settings(FreePort())));
        var delivery = SampleDeliveries.Of(NotificationTemplates.Inactive, NotificationChannels.Email, "li.na@example.cn");

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(delivery, CancellationToken.None));
    }

    private SmtpEmailSender Sender() => new(Options.Create(Settings(_port)));

    private static SmtpEmailOptions Settings(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        From = "members@haolinju.example",
        FromName = "好邻居会员中心",
        Timeout = TimeSpan.FromSeconds(5),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Mailbox : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            _messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            _arrived.Release();
            return SmtpResponse.Ok;
        }

        public async Task<MimeMessage> Next()
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), "no mail arrived");
            Assert.True(_messages.TryDequeue(out var message));
            return message!;
        }
    }
}

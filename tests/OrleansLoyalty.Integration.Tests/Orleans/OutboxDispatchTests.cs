using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Security;
using OrleansLoyalty.Grains.SignIn;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>
/// The notification outbox on real PostgreSQL: silos share the delivery without handing one message over twice,
/// late messages are not sent, and a failing provider is tried again later and finally given up.
/// </summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class OutboxDispatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly PersonalDataProtector Protector = new(MsOptions.Create(new SecurityOptions
    {
        DataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_silos_dispatching_at_once_hand_each_message_over_exactly_once()
    {
        var batch = Batch();
        var messages = Enumerable.Range(0, 300).Select(i => Message(batch, i, _clock.GetUtcNow().AddMinutes(5))).ToList();
        await Append(messages);
        var delivered = new ConcurrentBag<NotificationDelivery>();
        var silos = Enumerable.Range(0, 2).Select(_ => Dispatcher(new RecordingSender(delivered), batchSize: 7)).ToList();

        await Task.WhenAll(silos.Select(async silo =>
        {
            while (await silo.DispatchOnce(CancellationToken.None) > 0)
            {
            }
        }));

        var mine = delivered.Where(d => d.MessageId.StartsWith(batch, StringComparison.Ordinal)).ToList();
        Assert.Equal(messages.Select(m => m.MessageId).Order(), mine.Select(d => d.MessageId).Order());
        var first = mine.Single(d => d.MessageId == messages[0].MessageId);
        Assert.Equal("13800000000", first.Recipient);
        Assert.Contains("000000", first.Text);
        Assert.Equal(300L, await Count(batch, "status = 'sent' AND payload IS NULL AND sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_message_past_its_expiry_is_not_sent_and_its_content_is_removed()
    {
        var batch = Batch();
        await Append([Message(batch, 0, _clock.GetUtcNow().AddMinutes(5))]);
        var delivered = new ConcurrentBag<NotificationDelivery>();
        _clock.Advance(TimeSpan.FromMinutes(5));

        await Dispatcher(new RecordingSender(delivered)).DispatchOnce(CancellationToken.None);

        Assert.DoesNotContain(delivered, d => d.MessageId.StartsWith(batch, StringComparison.Ordinal));
        Assert.Equal(1L, await Count(batch, "status = 'expired' AND payload IS NULL"));
    }

    [Fact]
    public async Task A_failing_provider_is_tried_again_after_a_pause_and_given_up_after_the_last_attempt()
    {
        var batch = Batch();
        await Append([Message(batch, 0, _clock.GetUtcNow().AddHours(1))]);
        var dispatcher = Dispatcher(new FailingSender(), maxAttempts: 2);

        await dispatcher.DispatchOnce(CancellationToken.None);
        Assert.Equal(1L, await Count(batch, "status = 'pending' AND attempts = 1 AND last_error = 'provider down'"));
        await dispatcher.DispatchOnce(CancellationToken.None);
        Assert.Equal(1L, await Count(batch, "attempts = 1"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchOnce(CancellationToken.None);

        Assert.Equal(1L, await Count(batch, "status = 'failed' AND attempts = 2 AND payload IS NULL"));
    }

    [Fact]
    public async Task A_reminder_held_for_the_end_of_quiet_hours_is_delivered_only_then()
    {
        var batch = Batch();
        var morning = _clock.GetUtcNow().AddHours(10);
        await Append([Message(batch, 0, morning.AddDays(2)) with { NotBefore = morning }]);
        var delivered = new ConcurrentBag<NotificationDelivery>();
        var dispatcher = Dispatcher(new RecordingSender(delivered));

        await dispatcher.DispatchOnce(CancellationToken.None);
        Assert.DoesNotContain(delivered, d => d.MessageId.StartsWith(batch, StringComparison.Ordinal));
        _clock.Advance(TimeSpan.FromHours(10));
        await dispatcher.DispatchOnce(CancellationToken.None);

        Assert.Single(delivered, d => d.MessageId.StartsWith(batch, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finished_messages_are_pruned_after_their_retention_and_pending_ones_are_kept()
    {
        var batch = Batch();
        await Append([Message(batch, 0, _clock.GetUtcNow().AddMinutes(5)), Message(batch, 1, _clock.GetUtcNow().AddDays(60))]);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Dispatcher(new FailingSender()).DispatchOnce(CancellationToken.None);

        await OutboxDeliverySql.Prune(NpgsqlDataSource.Create(database.ConnectionString), _clock.GetUtcNow().AddSeconds(1), CancellationToken.None);

        Assert.Equal(0L, await Count(batch, "status = 'expired'"));
        Assert.Equal(1L, await Count(batch, "status = 'pending'"));
    }

    [Fact]
    public async Task A_reminder_wechat_will_never_take_goes_to_the_members_phone_once_and_a_passing_refusal_is_tried_again()
    {
        var batch = Batch();
        var reminder = Message(batch, 0, _clock.GetUtcNow().AddDays(2)) with { Channel = NotificationChannels.WeChat, Template = NotificationTemplates.Inactive,
            ProtectedPayload = Protector.Encrypt(NotificationValues.Write(new InactiveValues(110))) };
        var busy = Message(batch, 1, _clock.GetUtcNow().AddDays(2)) with { Channel = NotificationChannels.WeChat, Template = NotificationTemplates.Inactive,
            ProtectedPayload = Protector.Encrypt(NotificationValues.Write(new InactiveValues(5))) };
        await Append([reminder, busy]);
        var fallback = new RecordingFallback();
        var wechat = new RefusingWeChat(undeliverableFor: reminder.MessageId);

        await Dispatcher(wechat, smsFallback: fallback).DispatchOnce(CancellationToken.None);

        var moved = Assert.Single(fallback.Moved);
        Assert.Equal((reminder.MemberId, reminder.MessageId, NotificationTemplates.Inactive), (moved.MemberId, moved.MessageId, moved.Template));
        Assert.Equal(110, NotificationValues.Read<InactiveValues>(moved.Values).Points);
        Assert.Equal(1L, await Count(batch + "0", "status = 'failed' AND payload IS NULL AND last_error LIKE '%sent by SMS instead'"));
        Assert.Equal(1L, await Count(batch + "1", "status = 'pending' AND attempts = 1"));
    }

    private NotificationDispatcher Dispatcher(INotificationSender sender, int batchSize = 50, int maxAttempts = 6, ISmsFallback? smsFallback = null) =>
        new(NpgsqlDataSource.Create(database.ConnectionString), smsFallback ?? new RecordingFallback(), Protector, [sender],
            MsOptions.Create(new NotificationOptions { BatchSize = batchSize, MaxAttempts = maxAttempts }),
            _clock, Meters, NullLogger<NotificationDispatcher>.Instance);

    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static string Batch() => "b" + Guid.NewGuid().ToString("N")[..8] + ":";

    private OutboxMessage Message(string batch, int i, DateTimeOffset expiresAt) =>
        new(batch + i, "M-" + i, NotificationChannels.Sms, NotificationTemplates.SignInCode, Protector.Encrypt("138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)),
            Protector.Encrypt(NotificationValues.Write(new SignInCodeValues(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), 5))),
            _clock.GetUtcNow(), expiresAt);

    private async Task Append(IReadOnlyList<OutboxMessage> messages)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await OutboxSql.Append(connection, null, messages);
    }

    private Task<long> Count(string batch, string condition) =>
        database.Database.ScalarAsync<long>($"SELECT count(*) FROM notification_outbox WHERE message_id LIKE '{batch}%' AND {condition}");

    private sealed class RecordingSender(ConcurrentBag<NotificationDelivery> delivered) : INotificationSender
    {
        public string Channel => NotificationChannels.Sms;

        public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
        {
            delivered.Add(delivery);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingFallback : ISmsFallback
    {
        public ConcurrentBag<(string MemberId, string MessageId, string Template, string Values)> Moved { get; } = [];

        public Task SendBySms(string memberId, string messageId, string template, string values)
        {
            Moved.Add((memberId, messageId, template, values));
            return Task.CompletedTask;
        }
    }

    /// <summary>WeChat that will never take one message (no subscription left) and is only busy for the others.</summary>
    private sealed class RefusingWeChat(string undeliverableFor) : INotificationSender
    {
        public string Channel => NotificationChannels.WeChat;

        public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken) =>
            throw (delivery.MessageId == undeliverableFor
                ? new NotificationRefusedException("WeChat refused member.inactive: 43101 user refuse to accept the msg", undeliverable: true)
                : new NotificationRefusedException("WeChat refused member.inactive: -1 system busy"));
    }

    private sealed class FailingSender : INotificationSender
    {
        public string Channel => NotificationChannels.Sms;

        public Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken) => throw new HttpRequestException("provider down");
    }
}

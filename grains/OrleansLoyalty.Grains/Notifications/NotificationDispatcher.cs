using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// Delivers the notification outbox: every silo polls for due messages, claims a batch in a transaction (rows
/// locked, so silos share the work without sending one message twice at once), hands each to its channel's sender,
/// and records the outcome in the same transaction. Delivery is at least once: a silo that dies after a hand-over
/// and before its commit leaves the message to be handed over again (<see cref="INotificationSender"/>).
/// </summary>
public sealed partial class NotificationDispatcher(
    NpgsqlDataSource db,
    ISmsFallback smsFallback,
    PersonalDataProtector protector,
    IEnumerable<INotificationSender> senders,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IMeterFactory meters,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly Dictionary<string, INotificationSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly Counter<long> _outcomes = meters.Create("OrleansLoyalty")
        .CreateCounter<long>("loyalty.notifications", description: "Outbox messages by outcome (sent, expired, retry, failed, rerouted) and channel");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_senders.Count == 0)
        {
            LogNoSenders(logger);
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        var nextPrune = clock.GetUtcNow();
        do
        {
            try
            {
                while (await DispatchOnce(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch: there may be more due right now.
                }
                if (clock.GetUtcNow() >= nextPrune)
                {
                    await OutboxDeliverySql.Prune(db, clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                    nextPrune = clock.GetUtcNow() + PruneEvery;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One batch: claims what is due, delivers it, records the outcomes. Returns how many rows it claimed.</summary>
    public async Task<int> DispatchOnce(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = await OutboxDeliverySql.ClaimDue(connection, transaction, now, [.. _senders.Keys], options.Value.BatchSize, ct);
        foreach (var row in due)
        {
            await Deliver(connection, transaction, row, now, ct);
        }
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    private async Task Deliver(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRow row, DateTimeOffset now, CancellationToken ct)
    {
        var message = row.Message;
        if (message.ExpiresAt <= now || !_senders.TryGetValue(message.Channel, out var sender))
        {
            await OutboxDeliverySql.Expired(connection, transaction, row.Id, ct);
            Count("expired", message.Channel);
            return;
        }
        string? values = null;
        try
        {
            values = protector.Decrypt(message.ProtectedPayload);
            var delivery = new NotificationDelivery(message.MessageId, message.MemberId, message.Channel, message.Template,
                protector.Decrypt(message.ProtectedRecipient), values, NotificationText.Render(message.Template, values), message.CreatedAt);
            await sender.SendAsync(delivery, ct);
            await OutboxDeliverySql.Sent(connection, transaction, row.Id, now, ct);
            Count("sent", message.Channel);
        }
        catch (NotificationRefusedException refused) when (refused.Undeliverable && message is { MemberId: { } memberId, Channel: not NotificationChannels.Sms }
            && values is not null && !ct.IsCancellationRequested)
        {
            // Trying the same channel again would be refused again: the member's phone gets it instead. Should the member's
            // grain not answer, the row is tried again later like any failure, and the SMS is queued then.
            try
            {
                await smsFallback.SendBySms(memberId, message.MessageId, message.Template, values);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await Retry(connection, transaction, row, now, e.Message, ct);
                return;
            }
            await OutboxDeliverySql.Failed(connection, transaction, row.Id, retryAt: null, refused.Message + "; sent by SMS instead", ct);
            Count("rerouted", message.Channel);
            LogRerouted(logger, message.MessageId, refused.Message);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await Retry(connection, transaction, row, now, e.Message, ct);
        }
    }

    /// <summary>Not delivered this time: tried again after a back-off, or given up after <c>MaxAttempts</c>.</summary>
    private async Task Retry(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRow row, DateTimeOffset now, string reason, CancellationToken ct)
    {
        var attempts = row.Attempts + 1;
        var retryAt = attempts >= options.Value.MaxAttempts ? (DateTimeOffset?)null : now + BackOff(attempts);
        await OutboxDeliverySql.Failed(connection, transaction, row.Id, retryAt, reason, ct);
        Count(retryAt is null ? "failed" : "retry", row.Message.Channel);
        LogDeliveryFailed(logger, row.Message.MessageId, attempts, reason);
    }

    /// <summary>2 s, 4 s, 8 s … up to five minutes.</summary>
    private static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), LongestBackOff.TotalSeconds));

    private void Count(string outcome, string channel) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("channel", channel));

    [LoggerMessage(Level = LogLevel.Warning, Message = "No notification sender is configured: outbox messages stay pending until they expire (set Notifications:DropFolder or a provider)")]
    private static partial void LogNoSenders(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not delivered (attempt {Attempts}): {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string messageId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} refused for good by its channel ({Reason}): sent by SMS instead")]
    private static partial void LogRerouted(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatch failed; trying again at the next tick")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}

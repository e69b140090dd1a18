using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Input;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Lanes;
using OrleansLoyalty.EdgeGateway.Options;
using OrleansLoyalty.EdgeGateway.Topics;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>
/// The single, ordered door for device messages: topic and payload checks, deduplication, and the
/// journal. A valid new event goes to its lane at once and is acknowledged to the broker only once it
/// is on disk; anything else is acknowledged at once (and answered with an <c>error</c> where a lane can be told).
/// </summary>
public sealed class DeviceEventIntake : BackgroundService
{
    private readonly InboundMessageQueue _inbox;
    private readonly DeviceEventParser _parser;
    private readonly EventJournal _journal;
    private readonly LaneRegistry _lanes;
    private readonly LanePublisher _publisher;
    private readonly GatewayInstruments _instruments;
    private readonly BadInputLogLimiter _logLimiter;
    private readonly ILogger _logger;
    private readonly string _storeId;

    public DeviceEventIntake(
        InboundMessageQueue inbox,
        DeviceEventParser parser,
        EventJournal journal,
        LaneRegistry lanes,
        LanePublisher publisher,
        GatewayInstruments instruments,
        BadInputLogLimiter logLimiter,
        IOptions<GatewayOptions> options,
        ILogger<DeviceEventIntake> logger)
    {
        _inbox = inbox;
        _parser = parser;
        _journal = journal;
        _lanes = lanes;
        _publisher = publisher;
        _instruments = instruments;
        _logLimiter = logLimiter;
        _logger = logger;
        _storeId = options.Value.StoreId;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    Handle(message, stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // One message the gateway cannot take must not stop the store: drop it, count it, move on.
                    GatewayLog.IntakeFailed(_logger, message.Topic, failure);
                    _instruments.Dropped("intake_failure");
                    Acknowledge(message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Handle(InboundDeviceMessage message, CancellationToken stoppingToken)
    {
        if (!TopicScheme.TryParseDevice(message.Topic, out var topic))
        {
            Drop(message, "topic_outside_scheme");
            return;
        }
        if (!string.Equals(topic.StoreId, _storeId, StringComparison.Ordinal))
        {
            Drop(message, "foreign_store");
            return;
        }
        var parsed = message.Payload.Length == message.PayloadLength
            ? _parser.Parse(topic, message.Payload)
            : DeviceEventParseResult.Refused(RefusalCodes.TooLarge, $"payload of {message.PayloadLength} bytes is over the limit");
        if (parsed.Event is not { } laneEvent)
        {
            var refusal = parsed.Refusal!;
            _instruments.Refused(refusal.Code);
            LogBadInput(refusal.Code, message.Topic, refusal.Message);
            _ = _publisher.PublishErrorAsync(topic.LaneId, new LaneErrorMessage(parsed.EventId ?? "", refusal.Code, refusal.Message), stoppingToken);
            Acknowledge(message);
            return;
        }
        // The lane may show the event before the fsync completes (an fsync can take milliseconds), but the
        // broker is told only once it is on disk: after a crash an unacknowledged event comes again, and
        // its eventId has no second effect in the cluster.
        if (_journal.TryAppend(laneEvent, message.ReceivedTimestamp, _ => Acknowledge(message), out var journaled))
        {
            _instruments.EventIn(laneEvent.Kind.ToString());
            _lanes.Post(journaled!);
        }
        else
        {
            _instruments.Duplicate();
            Acknowledge(message);
        }
    }

    private void Drop(InboundDeviceMessage message, string reason)
    {
        _instruments.Dropped(reason);
        LogBadInput(reason, message.Topic, "no lane of this store can be told");
        Acknowledge(message);
    }

    private void LogBadInput(string kind, string topic, string reason)
    {
        if (_logLimiter.ShouldLog(kind))
        {
            GatewayLog.BadInput(_logger, kind, topic, reason);
        }
    }

    private void Acknowledge(InboundDeviceMessage message) => _ = AcknowledgeAsync(message);

    private async Task AcknowledgeAsync(InboundDeviceMessage message)
    {
        try
        {
            await message.AcknowledgeAsync().ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // Not acknowledged means the broker sends it again; the journal then recognises the eventId.
            GatewayLog.AcknowledgeFailed(_logger, failure.Message);
        }
    }
}

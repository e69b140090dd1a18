using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using OrleansLoyalty.EdgeGateway.Mqtt;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>
/// One checkout lane: its terminal's MQTT connection and a stream of shoppers. Each event waits for
/// the gateway's answer (display or error) before the next, as a real cashier would.
/// </summary>
public sealed class LaneRunner : IAsyncDisposable
{
    // The gateway publishes a refused pay's display right after its error, so it is either soon or not at all.
    private static readonly TimeSpan FollowingDisplayWait = TimeSpan.FromMilliseconds(500);

    private static readonly string[] Tenders = ["cash", "wechatpay", "wechatpay", "alipay", "alipay", "bankcard"];

    private readonly string _storeId;
    private readonly string _laneId;
    private readonly string _runId;
    private readonly SimulationSettings _settings;
    private readonly SimulationStats _stats;
    private readonly RateGate _gate;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<LaneAnswer> _answers = Channel.CreateUnbounded<LaneAnswer>();
    private long _sequence;
    private LaneAnswer? _lastDisplay;
    private (string TxnId, IReadOnlyList<string> LineIds)? _lastSale;

    public LaneRunner(string storeId, string laneId, string runId, SimulationSettings settings, SimulationStats stats, RateGate gate, TimeProvider time, int seed)
    {
        _storeId = storeId;
        _laneId = laneId;
        _runId = runId;
        _settings = settings;
        _stats = stats;
        _gate = gate;
        _time = time;
        _random = new Random(seed);
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var topic = args.ApplicationMessage.Topic;
            var kind = topic[(topic.LastIndexOf('/') + 1)..];
            var body = JsonDocument.Parse(args.ApplicationMessage.Payload).RootElement.Clone();
            _answers.Writer.TryWrite(new LaneAnswer(kind, body, _time.GetTimestamp()));
            return Task.CompletedTask;
        };
    }

    private string LaneTopic => $"loyalty/v1/stores/{_storeId}/lanes/{_laneId}";

    public async Task ConnectAsync(BrokerCredentials credentials, CancellationToken cancellationToken)
    {
        var (username, password) = credentials.Terminal(_storeId, _laneId);
        var builder = new MqttClientOptionsBuilder();
        if (_settings.Tls && credentials.Tls is { } tls)
        {
            builder.WithTcpServer(tls.Host, tls.Port).WithStoreBrokerTls(tls.CaFile);
        }
        else
        {
            builder.WithTcpServer(credentials.Host, credentials.Port);
        }
        var options = builder
            .WithClientId($"sim-{_storeId}-{_laneId}-{_runId}")
            .WithCredentials(username, password)
            .WithCleanStart()
            .Build();
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"{LaneTopic}/display", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{LaneTopic}/receipt", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{LaneTopic}/error", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken).ConfigureAwait(false);
    }

    public async Task RunAsync(Func<bool> budgetLeft, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && budgetLeft())
            {
                await ServeOneShopperAsync(budgetLeft, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // MQTTnet reports a publish cut short by the end of the run as a timeout.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        _client.Dispose();
    }

    private async Task ServeOneShopperAsync(Func<bool> budgetLeft, CancellationToken cancellationToken)
    {
        var roll = _random.NextDouble();
        if (roll < 0.70)
        {
            var card = _random.NextInt64(_settings.CardFrom, _settings.CardTo + 1).ToString(CultureInfo.InvariantCulture);
            var medium = _random.NextDouble() < 0.8 ? "ic" : "magstripe";
            await SendAsync("card", id => new { eventId = id, at = Now(), cardNo = card, medium }, cancellationToken).ConfigureAwait(false);
        }
        else if (roll < 0.80)
        {
            var phone = _random.NextInt64(_settings.PhoneFrom, _settings.PhoneTo + 1).ToString(CultureInfo.InvariantCulture);
            await SendAsync("pos", id => new { eventId = id, at = Now(), type = "phone", phone }, cancellationToken).ConfigureAwait(false);
        }

        var items = _random.Next(2, 13);
        for (var i = 0; i < items && budgetLeft(); i++)
        {
            var product = DemoCatalog.Products[_random.Next(DemoCatalog.Products.Count)];
            if (product.SoldByWeight)
            {
                var grams = _random.Next(200, 2500);
                await SendAsync("scan", id => new { eventId = id, at = Now(), barcode = product.Barcode, weightGrams = grams }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var qty = _random.NextDouble() < 0.85 ? 1 : _random.Next(2, 5);
                await SendAsync("scan", id => new { eventId = id, at = Now(), barcode = product.Barcode, qty }, cancellationToken).ConfigureAwait(false);
            }
            if (_random.NextDouble() < 0.04 && _lastDisplay?.LineIds is { Count: > 0 } lines)
            {
                var lineId = lines[_random.Next(lines.Count)];
                await SendAsync("pos", id => new { eventId = id, at = Now(), type = "removeLine", lineId }, cancellationToken).ConfigureAwait(false);
            }
        }
        if (_settings.Coupons.Count > 0 && _random.NextDouble() < 0.15)
        {
            var code = _settings.Coupons[_random.Next(_settings.Coupons.Count)];
            await SendAsync("pos", id => new { eventId = id, at = Now(), type = "coupon", code }, cancellationToken).ConfigureAwait(false);
        }
        if (_lastDisplay?.HasMember == true && _random.NextDouble() < 0.10)
        {
            var points = _random.Next(1, 6) * 100;
            await SendAsync("pos", id => new { eventId = id, at = Now(), type = "redeemPoints", points }, cancellationToken).ConfigureAwait(false);
        }
        if (_random.NextDouble() < 0.03)
        {
            await SendAsync("pos", id => new { eventId = id, at = Now(), type = "void" }, cancellationToken).ConfigureAwait(false);
            return;
        }
        if ((_lastDisplay?.Total ?? 0) > 0)
        {
            await PayAsync(cancellationToken).ConfigureAwait(false);
        }
        if (_lastSale is { } sale && _random.NextDouble() < 0.02 && sale.LineIds.Count > 0)
        {
            var txnId = NextTxnId("R");
            var line = sale.LineIds[_random.Next(sale.LineIds.Count)];
            await SendAsync("pos", id => new { eventId = id, at = Now(), type = "return", txnId, originalTxnId = sale.TxnId, lines = new[] { new { lineId = line, qty = 1 } } }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PayAsync(CancellationToken cancellationToken)
    {
        // A member with enough on the card pays from it where the display says no PIN is needed (the tender names no
        // card: the lane pays from the member's own cards).
        var kind = _lastDisplay!.StoredValuePaysWithoutPin && _random.NextDouble() < _settings.StoredValueShare
            ? "storedValue"
            : Tenders[_random.Next(Tenders.Length)];
        var txnId = NextTxnId("T");
        var lineIds = _lastDisplay!.LineIds;
        var answer = await PayShownTotalAsync(txnId, kind, cancellationToken).ConfigureAwait(false);
        if (answer?.Kind == "error" && await FollowingDisplayAsync(cancellationToken).ConfigureAwait(false))
        {
            // The shopper's points or coupon went at another lane meanwhile: the lane showed the new total, and the
            // cashier takes that instead.
            txnId = NextTxnId("T");
            answer = await PayShownTotalAsync(txnId, kind, cancellationToken).ConfigureAwait(false);
        }
        if (answer?.Kind == "display")
        {
            _lastSale = (txnId, lineIds);
        }
    }

    private Task<LaneAnswer?> PayShownTotalAsync(string txnId, string kind, CancellationToken cancellationToken)
    {
        var total = _lastDisplay!.Total;
        return SendAsync("pos", id => new { eventId = id, at = Now(), type = "pay", txnId, tenders = new[] { new { kind, amount = total } } }, cancellationToken);
    }

    /// <summary>A refused pay is followed by a display when the basket's price changed; true if one came.</summary>
    private async Task<bool> FollowingDisplayAsync(CancellationToken cancellationToken)
    {
        using var wait = new CancellationTokenSource(FollowingDisplayWait, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        try
        {
            while (true)
            {
                var answer = await _answers.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (answer.Kind == "receipt")
                {
                    _stats.Receipt();
                    continue;
                }
                if (answer.Kind == "display")
                {
                    _stats.Display();
                    _lastDisplay = answer;
                    return answer.Total > 0;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Publishes one event and waits for its answer; returns null on timeout.</summary>
    private async Task<LaneAnswer?> SendAsync(string device, Func<string, object> payload, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var eventId = $"{_runId}-{_storeId}-{_laneId}-{++_sequence}";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload(eventId));
        DrainStale();
        var sent = _time.GetTimestamp();
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"{LaneTopic}/{device}")
            .WithPayload(bytes)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken).ConfigureAwait(false);
        _stats.EventSent();
        // An event once sent is waited for even when the run is stopping: the device in hand gets its answer, and a
        // run's counts hold every event it sent, not all but the ones in flight when it stopped.
        using var timeout = new CancellationTokenSource(_settings.ResponseTimeout, _time);
        try
        {
            while (true)
            {
                var answer = await _answers.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                switch (answer.Kind)
                {
                    case "receipt":
                        _stats.Receipt();
                        continue;
                    case "error" when answer.EventId == eventId:
                        _stats.Error(answer.Body.GetProperty("code").GetString() ?? "?");
                        _stats.Latency.Record(device, _time.GetElapsedTime(sent, answer.ReceivedTimestamp), answer.ReceivedTimestamp);
                        return answer;
                    case "display":
                        _stats.Display();
                        _stats.Latency.Record(device, _time.GetElapsedTime(sent, answer.ReceivedTimestamp), answer.ReceivedTimestamp);
                        _lastDisplay = answer;
                        return answer;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _stats.Timeout();
            return null;
        }
    }

    /// <summary>Answers that came late (after a timeout) must not be taken for the next event's.</summary>
    private void DrainStale()
    {
        while (_answers.Reader.TryRead(out var stale))
        {
            if (stale.Kind == "receipt")
            {
                _stats.Receipt();
            }
            else if (stale.Kind == "display")
            {
                _lastDisplay = stale;
            }
        }
    }

    private string NextTxnId(string prefix) => $"{prefix}-{_runId}-{_storeId}-{_laneId}-{++_sequence}";

    private string Now() => _time.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}

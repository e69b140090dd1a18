using System.Diagnostics.Metrics;

namespace OrleansLoyalty.EdgeGateway.Diagnostics;

/// <summary>The gateway's metrics (meter <c>OrleansLoyalty.EdgeGateway</c>), in one place.</summary>
public sealed class GatewayInstruments : IDisposable
{
    public const string MeterName = "OrleansLoyalty.EdgeGateway";

    private readonly Meter _meter;
    private readonly Counter<long> _eventsIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _replayed;
    private readonly Histogram<double> _latency;
    private readonly TimeProvider _time;
    private Func<long> _buffered = () => 0;

    public GatewayInstruments(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        _meter = meterFactory.Create(MeterName);
        _eventsIn = _meter.CreateCounter<long>("loyalty.gateway.events.in", "{event}", "Device events accepted, by kind");
        _messagesOut = _meter.CreateCounter<long>("loyalty.gateway.messages.out", "{message}", "Messages published to lanes, by kind (display, receipt, error, status)");
        _refused = _meter.CreateCounter<long>("loyalty.gateway.events.refused", "{event}", "Device events refused, by reason");
        _dropped = _meter.CreateCounter<long>("loyalty.gateway.messages.dropped", "{message}", "Messages dropped with no lane to tell (topic outside the scheme, foreign store)");
        _duplicates = _meter.CreateCounter<long>("loyalty.gateway.events.duplicate", "{event}", "Repeated events (same eventId) given no second effect");
        _replayed = _meter.CreateCounter<long>("loyalty.gateway.events.replayed", "{event}", "Offline events replayed into the cluster");
        _latency = _meter.CreateHistogram<double>("loyalty.gateway.event.latency", "ms", "From a device message's arrival to its lane's display or error");
        _meter.CreateObservableGauge("loyalty.gateway.events.buffered", () => _buffered(), "{event}", "Journaled events the cluster has not taken yet");
    }

    public void ObserveBuffered(Func<long> buffered) => _buffered = buffered;

    public void EventIn(string kind) => _eventsIn.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void MessageOut(string kind) => _messagesOut.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Duplicate() => _duplicates.Add(1);

    public void Replayed() => _replayed.Add(1);

    /// <summary>Records the latency since <paramref name="receivedTimestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> reading; 0 = unknown).</summary>
    public void Latency(long receivedTimestamp)
    {
        if (receivedTimestamp != 0)
        {
            _latency.Record(_time.GetElapsedTime(receivedTimestamp).TotalMilliseconds);
        }
    }

    public void Dispose() => _meter.Dispose();
}

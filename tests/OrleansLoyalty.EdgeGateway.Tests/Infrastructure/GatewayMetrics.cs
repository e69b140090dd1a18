using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>Sums the counters of one gateway host's meter (told apart by the host's meter factory).</summary>
public sealed class GatewayMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public GatewayMetrics(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
            foreach (var tag in tags)
            {
                var key = $"{instrument.Name}[{tag.Value}]";
                _totals.AddOrUpdate(key, value, (_, old) => old + value);
            }
        });
        _listener.Start();
    }

    /// <summary>Total of a counter, or of one tag value of it: <c>Count("loyalty.gateway.events.refused", "request.too_large")</c>.</summary>
    public long Count(string instrument, string? tagValue = null) =>
        _totals.GetValueOrDefault(tagValue is null ? instrument : $"{instrument}[{tagValue}]");

    public void Dispose() => _listener.Dispose();
}

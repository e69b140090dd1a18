using System.Collections.Concurrent;

namespace OrleansLoyalty.EdgeGateway.Diagnostics;

/// <summary>Lets one log line per kind of bad input through per minute; a flood of garbage must not flood the log.</summary>
public sealed class BadInputLogLimiter(TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);

    public bool ShouldLog(string kind)
    {
        var now = time.GetUtcNow();
        var last = _lastLogged.GetOrAdd(kind, DateTimeOffset.MinValue);
        return now - last >= Interval && _lastLogged.TryUpdate(kind, now, last);
    }
}

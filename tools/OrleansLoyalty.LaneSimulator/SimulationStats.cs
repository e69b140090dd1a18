using System.Collections.Concurrent;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Counters every lane adds to.</summary>
public sealed class SimulationStats
{
    private long _events;
    private long _displays;
    private long _receipts;
    private long _errors;
    private long _timeouts;

    public LatencyRecorder Latency { get; } = new();

    public ConcurrentDictionary<string, long> ErrorsByCode { get; } = new(StringComparer.Ordinal);

    public long Events => Interlocked.Read(ref _events);
    public long Displays => Interlocked.Read(ref _displays);
    public long Receipts => Interlocked.Read(ref _receipts);
    public long Errors => Interlocked.Read(ref _errors);
    public long Timeouts => Interlocked.Read(ref _timeouts);

    public void EventSent() => Interlocked.Increment(ref _events);
    public void Display() => Interlocked.Increment(ref _displays);
    public void Receipt() => Interlocked.Increment(ref _receipts);
    public void Timeout() => Interlocked.Increment(ref _timeouts);

    public void Error(string code)
    {
        Interlocked.Increment(ref _errors);
        ErrorsByCode.AddOrUpdate(code, 1, (_, n) => n + 1);
    }
}

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Spaces events over all lanes to the requested rate (events per second).</summary>
public sealed class RateGate(double eventsPerSecond, TimeProvider time)
{
    private readonly long _intervalTicks = (long)(time.TimestampFrequency / eventsPerSecond);
    private long _next = time.GetTimestamp();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var slot = Interlocked.Add(ref _next, _intervalTicks) - _intervalTicks;
        var now = time.GetTimestamp();
        if (slot > now)
        {
            var wait = TimeSpan.FromSeconds((slot - now) / (double)time.TimestampFrequency);
            if (wait >= TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (now - slot > time.TimestampFrequency)
        {
            // More than a second behind (lanes waiting on answers): do not burst to catch up.
            Interlocked.Exchange(ref _next, now);
        }
    }
}

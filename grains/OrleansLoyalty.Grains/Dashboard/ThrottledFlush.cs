namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// Runs a grain's flush at most once per interval: at once when the last flush is older than the
/// interval (so a quiet store's first sale shows without delay), otherwise when the interval is up,
/// with everything that arrived meanwhile in one update.
/// </summary>
internal sealed class ThrottledFlush(IGrainBase grain, TimeProvider clock, TimeSpan interval, Func<CancellationToken, Task> flush)
{
    private IGrainTimer? _timer;
    private long? _lastFlush;

    public void Request()
    {
        if (_timer is not null)
        {
            return;
        }
        var wait = _lastFlush is { } last ? interval - clock.GetElapsedTime(last) : TimeSpan.Zero;
        _timer = grain.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        _lastFlush = clock.GetTimestamp();
        await flush(cancellationToken);
    }
}

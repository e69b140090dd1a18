namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>Waits for a condition of a real, asynchronous system, with a deadline instead of a sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> isDone, TimeSpan timeout, string what)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        T last = default!;
        Exception? lastError = null;
        while (clock.GetElapsedTime(started) < timeout)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (isDone(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lastError = e;
            }

            await Task.Delay(PollInterval, clock);
        }

        throw new TimeoutException(
            $"Timed out after {timeout.TotalSeconds:0.#}s waiting for {what}; last value: {last}", lastError);
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitAsync(() => Task.FromResult(condition()), done => done, timeout, what);
}

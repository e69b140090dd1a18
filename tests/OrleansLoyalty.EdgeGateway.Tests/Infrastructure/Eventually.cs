namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline (never a fixed sleep); <c>nudge</c> may advance fake time meanwhile.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string what, Action? nudge = null, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting for {what}");
            }
            nudge?.Invoke();
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}

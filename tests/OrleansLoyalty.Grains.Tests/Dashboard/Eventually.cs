namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>Waits for a condition with a deadline (streams deliver asynchronously); never asserts on time itself.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        T last;
        do
        {
            last = await read();
            if (done(last))
            {
                return last;
            }
            await Task.Delay(20);
        }
        while (TimeProvider.System.GetUtcNow() < deadline);
        throw new Xunit.Sdk.XunitException($"Gave up waiting for {what}; last seen: {last}");
    }
}

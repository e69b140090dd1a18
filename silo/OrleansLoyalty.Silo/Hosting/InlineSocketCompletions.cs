namespace OrleansLoyalty.Silo.Hosting;

/// <summary>
/// Lets a silo's socket completions run on the thread that polled them instead of being queued to the thread pool
/// first. A silo's work arrives over sockets (its gateway's clients, the other silos, PostgreSQL), and every hop to
/// the pool is a wake-up and a context switch: measured with the edge benchmark, the api's silo took 0.40–0.44 of a
/// core for what took it 0.60–0.66 without (docs/operations.md, "Socket completions").
/// </summary>
/// <remarks>
/// .NET reads this only from the environment, once, when its first socket starts polling; so it is set as the first
/// thing a host's <c>Main</c> does, and a value the operator set (<c>0</c> to turn it off) is left as it is.
/// </remarks>
public static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on unless the environment already says either way.</summary>
    public static void PreferUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}

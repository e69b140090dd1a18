namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>
/// The groups a run may be limited to with <c>--only &lt;group&gt;[,&lt;group&gt;…]</c> (default: every group).
/// A limited run replaces its own rows in the saved results and keeps the others.
/// </summary>
public sealed class BenchGroups
{
    public const string Grain = "grain";
    public const string Http = "http";
    public const string Stateless = "stateless";
    public const string Pgbench = "pgbench";
    public const string Edge = "edge";

    private readonly HashSet<string>? _only;

    private BenchGroups(HashSet<string>? only) => _only = only;

    public bool IsLimited => _only is not null;

    public bool Has(string group) => _only is null || _only.Contains(group);

    public bool HasAny(params string[] groups) => groups.Any(Has);

    /// <summary>Reads <c>--only a,b</c> from <paramref name="args"/>; the rest of the arguments is returned.</summary>
    public static (BenchGroups Groups, string[] Remaining) Parse(string[] args)
    {
        var index = Array.IndexOf(args, "--only");
        if (index < 0)
        {
            return (new BenchGroups(null), args);
        }
        if (index + 1 >= args.Length)
        {
            throw new ArgumentException("--only needs a group: grain, http, stateless, pgbench or edge");
        }
        var only = args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return (new BenchGroups(only), [.. args[..index], .. args[(index + 2)..]]);
    }
}

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>
/// Which scenario groups a run measures: all by default, or those named by <c>--only grain,http,…</c>. A partial
/// run replaces only its own groups' rows (and notes) in the saved results, so the report keeps the others.
/// </summary>
public sealed class BenchGroups
{
    public const string Grain = "grain";
    /// <summary>Only the durable commit of the grain group (its quotes skipped): the quick loop while working on commits.</summary>
    public const string Commit = "commit";
    public const string Http = "http";
    public const string Stateless = "stateless";
    public const string Pgbench = "pgbench";
    public const string Dashboard = "dashboard";
    public const string Edge = "edge";
    /// <summary>PricingEngine.Price alone (no database): CPU and allocations per quote.</summary>
    public const string Pricing = "pricing";
    /// <summary>Reports and the purchase analysis over a year of a 20-store chain (docs/reports.md).</summary>
    public const string Reports = "reports";

    public static readonly IReadOnlyList<string> All = [Grain, Http, Stateless, Pgbench, Dashboard, Edge, Pricing, Reports];

    private static readonly IReadOnlyList<string> Selectable = [.. All, Commit];

    /// <summary>The first words of each group's result rows and notes.</summary>
    private static readonly Dictionary<string, string[]> Prefixes = new()
    {
        [Grain] = ["1. ", "1b. ", "3. ", "3b. ", "loading:"],
        [Commit] = ["3. ", "3b. ", "loading:"],
        [Http] = ["2. ", "ceiling: trivial"],
        [Stateless] = ["4. "],
        [Pgbench] = ["ceiling: pgbench"],
        [Dashboard] = ["5. ", "dashboard fan-out"],
        [Edge] = ["6. ", "edge"],
        [Pricing] = ["pricing:"],
        [Reports] = ["7. ", "reports (7.)"],
    };

    private readonly HashSet<string> _selected;

    private BenchGroups(IEnumerable<string> selected, bool partial)
    {
        _selected = [.. selected];
        IsPartial = partial;
    }

    public bool IsPartial { get; }

    public bool Runs(string group) => _selected.Contains(group);

    /// <summary>The grain, HTTP and stateless groups share the 100,000 registered members.</summary>
    public bool NeedsMembers => Runs(Grain) || Runs(Commit) || Runs(Http) || Runs(Stateless);

    public bool Owns(string rowOrNote) => _selected.Any(g => Prefixes[g].Any(p => rowOrNote.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>Reads <c>--only a,b</c> (or <c>--only a --only b</c>); anything else is left to the caller.</summary>
    public static BenchGroups Parse(string[] args)
    {
        var named = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--only")
            {
                continue;
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException("--only needs a group: " + string.Join(", ", All));
            }
            foreach (var group in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                named.Add(Selectable.Contains(group) ? group : throw new ArgumentException($"unknown group '{group}'; the groups are {string.Join(", ", Selectable)}"));
            }
        }
        return named.Count == 0 ? new BenchGroups(All, partial: false) : new BenchGroups(named, partial: true);
    }
}

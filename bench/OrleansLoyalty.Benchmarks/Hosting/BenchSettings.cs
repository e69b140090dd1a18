using System.Security.Cryptography;
using Npgsql;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>Everything the runner reads from its environment (bench/run.sh sets it), with the defaults of a local run.</summary>
public sealed class BenchSettings
{
    /// <summary>A role that may create databases (postgres.sh's <c>loyalty</c>); each run gets fresh databases.</summary>
    public required string PostgresConnection { get; init; }

    /// <summary>Optional superuser connection: lets member loading run with synchronous_commit off (set back before measuring).</summary>
    public string? PostgresAdminConnection { get; init; }

    public required string RepoRoot { get; init; }
    public required string WorkDir { get; init; }
    public required string OutputMarkdown { get; init; }
    public int ApiPort { get; init; }
    public int TrivialPort { get; init; }
    public int SiloPort { get; init; }
    public int GatewayPort { get; init; }
    public TimeSpan WarmUp { get; init; }
    public TimeSpan Measure { get; init; }

    /// <summary>Members the dashboard group registers for itself (it does not need the 100,000 of issue 3).</summary>
    public int DashboardMembers { get; init; }

    /// <summary>Committed checkouts a second the dashboard group aims at (issue 5: 1,000).</summary>
    public int DashboardRate { get; init; }

    public string DataKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string IndexKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string AdminPassword { get; } = "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public const string ClusterId = "bench";
    public const string ServiceId = "orleans-loyalty-bench";

    public string Database(string name) => new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = name }.ConnectionString;

    public static BenchSettings FromEnvironment()
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        var repo = Env("BENCH_REPO", Directory.GetCurrentDirectory());
        return new BenchSettings
        {
            PostgresConnection = Env("BENCH_PG_CONNECTION", "Host=127.0.0.1;Port=55434;Username=loyalty;Password=loyalty;Database=loyalty"),
            PostgresAdminConnection = Environment.GetEnvironmentVariable("BENCH_PG_ADMIN_CONNECTION") is { Length: > 0 } admin ? admin : null,
            RepoRoot = repo,
            WorkDir = Env("BENCH_WORK_DIR", Path.Combine(repo, ".data", "bench", "work")),
            OutputMarkdown = Env("BENCH_OUTPUT", Path.Combine(repo, "docs", "benchmarks.md")),
            ApiPort = int.Parse(Env("BENCH_API_PORT", "56032"), System.Globalization.CultureInfo.InvariantCulture),
            TrivialPort = int.Parse(Env("BENCH_TRIVIAL_PORT", "56035"), System.Globalization.CultureInfo.InvariantCulture),
            SiloPort = int.Parse(Env("BENCH_SILO_PORT", "56036"), System.Globalization.CultureInfo.InvariantCulture),
            GatewayPort = int.Parse(Env("BENCH_GATEWAY_PORT", "56037"), System.Globalization.CultureInfo.InvariantCulture),
            WarmUp = TimeSpan.FromSeconds(double.Parse(Env("BENCH_WARMUP_SECONDS", "4"), System.Globalization.CultureInfo.InvariantCulture)),
            Measure = TimeSpan.FromSeconds(double.Parse(Env("BENCH_MEASURE_SECONDS", "10"), System.Globalization.CultureInfo.InvariantCulture)),
            DashboardMembers = int.Parse(Env("BENCH_DASHBOARD_MEMBERS", "5000"), System.Globalization.CultureInfo.InvariantCulture),
            DashboardRate = int.Parse(Env("BENCH_DASHBOARD_RATE", "1000"), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The configuration a loyalty silo (in-process or the api's) runs with in this benchmark.</summary>
    public Dictionary<string, string?> SiloConfiguration(string connectionString) => new()
    {
        ["Database:ConnectionString"] = connectionString,
        ["Security:DataKey"] = DataKey,
        ["Security:IndexKey"] = IndexKey,
        ["Auth:SigningKey"] = SigningKey,
        ["Orleans:ClusterId"] = ClusterId,
        ["Orleans:ServiceId"] = ServiceId,
        ["Orleans:SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using OrleansLoyalty.Benchmarks.Hosting;
using OrleansLoyalty.Benchmarks.Measurement;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// The commit ceiling: pgbench, 16 clients, each transaction SELECT … FOR UPDATE + UPDATE + INSERT on one
/// member (a random one of 100,000) of a scratch database — what PostgreSQL on this machine can commit at all.
/// </summary>
public static partial class PgbenchCeiling
{
    private const string Script = """
        \set m random(1, 100000)
        BEGIN;
        SELECT points FROM wallet WHERE member_id = :m FOR UPDATE;
        UPDATE wallet SET points = points + 10 WHERE member_id = :m;
        INSERT INTO ledger (member_id, points) VALUES (:m, 10);
        END;
        """;

    public static async Task<ScenarioResult> Run(BenchSettings settings, int clients)
    {
        await Databases.Recreate(settings, Databases.Pgbench);
        var cs = new NpgsqlConnectionStringBuilder(settings.Database(Databases.Pgbench));
        await using (var connection = new NpgsqlConnection(cs.ConnectionString))
        {
            await connection.OpenAsync();
            await Databases.Execute(connection, """
                CREATE TABLE wallet (member_id int PRIMARY KEY, points bigint NOT NULL);
                INSERT INTO wallet SELECT g, 100 FROM generate_series(1, 100000) g;
                CREATE TABLE ledger (id bigserial PRIMARY KEY, member_id int NOT NULL, points bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());
                ANALYZE wallet;
                """);
        }
        var dir = Path.Combine(settings.WorkDir, "pgbench");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        var scriptPath = Path.Combine(dir, "one-member.sql");
        await File.WriteAllTextAsync(scriptPath, Script);
        var env = new Dictionary<string, string?> { ["PGPASSWORD"] = cs.Password };
        string[] common = ["-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-f", scriptPath];
        await ChildProcess.RunToEnd("pgbench", [.. common, "-T", ((int)Math.Ceiling(settings.WarmUp.TotalSeconds)).ToString(CultureInfo.InvariantCulture), Databases.Pgbench], env);
        var seconds = (int)Math.Ceiling(settings.Measure.TotalSeconds);
        var output = await ChildProcess.RunToEnd("pgbench",
            [.. common, "-T", seconds.ToString(CultureInfo.InvariantCulture), "-l", "--log-prefix", Path.Combine(dir, "log"), Databases.Pgbench], env);
        // Per-transaction log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
        var histogram = new LatencyHistogram();
        foreach (var file in Directory.GetFiles(dir, "log.*"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split(' ');
                if (fields.Length >= 3 && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var us))
                {
                    histogram.RecordMicroseconds(us);
                }
            }
        }
        var tps = TpsLine().Match(output);
        var note = tps.Success ? $"pgbench tps {tps.Groups[1].Value}" : null;
        return histogram.ToResult($"ceiling: pgbench FOR UPDATE+UPDATE+INSERT ({clients} clients)", 0, seconds, Target.None, note);
    }

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}

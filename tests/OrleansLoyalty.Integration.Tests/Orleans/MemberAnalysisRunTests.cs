using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>The nightly purchase analysis on real PostgreSQL: whole runs only, and no erased member written back.</summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class MemberAnalysisRunTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Members = 5_000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_member_erased_while_a_run_is_reading_is_not_written_back_by_that_run()
    {
        var ids = await Seed("E");
        var run = Run();
        await using var db = NpgsqlDataSource.Create(database.ConnectionString);

        // Each round erases one member while a run is under way; the run reads 5,000 members, so the erasure
        // lands inside its read or write unless the lock makes it wait for the run to finish.
        for (var round = 0; round < 10; round++)
        {
            var erased = ids[round * 7];
            var running = run.Run(CancellationToken.None);
            await MemberAnalysisSql.Forget(db, erased, _clock.GetUtcNow(), CancellationToken.None);
            await running;

            Assert.Equal(0L, await Scalar(db, $"SELECT count(*) FROM member_analysis WHERE member_id = '{erased}'"));
        }
    }

    [Fact]
    public async Task Two_runs_at_once_leave_one_whole_result_and_record_both()
    {
        await Seed("T");
        await using var db = NpgsqlDataSource.Create(database.ConnectionString);
        var runs = Enumerable.Range(0, 2).Select(_ => Run()).ToList();
        var before = await Scalar(db, "SELECT count(*) FROM analysis_runs");

        var results = await Task.WhenAll(runs.Select(r => r.Run(CancellationToken.None)));

        var analysed = await Scalar(db, "SELECT count(*) FROM member_analysis");
        Assert.Equal(analysed, await Scalar(db, "SELECT count(*) FROM members WHERE erased_at IS NULL"));
        Assert.All(results, r => Assert.Equal(analysed, r.Members));
        Assert.Equal(before + 2, await Scalar(db, "SELECT count(*) FROM analysis_runs"));
    }

    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private MemberAnalysisRun Run() => new(NpgsqlDataSource.Create(database.ConnectionString), _clock, Meters, NullLogger<MemberAnalysisRun>.Instance);

    /// <summary>5,000 members of one store, each with a few sales over the year; returns their ids.</summary>
    private async Task<string[]> Seed(string prefix)
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, Members).Select(i => $"{prefix}{i:D5}").ToArray();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var members = await connection.BeginBinaryImportAsync("COPY members (member_id, store_id, channel, registered_at, tier) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in ids)
            {
                await members.WriteRowAsync(default, id, "s1", "lane", _clock.GetUtcNow().AddDays(-400), "standard");
            }
            await members.CompleteAsync();
        }
        await using (var sales = await connection.BeginBinaryImportAsync(
            "COPY checkout_transactions (txn_id, store_id, member_id, kind, status, request_hash, committed_at, total, category_sales) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in ids)
            {
                for (var s = random.Next(0, 6); s > 0; s--)
                {
                    await sales.StartRowAsync();
                    await sales.WriteAsync($"{id}-{s}", NpgsqlDbType.Text);
                    await sales.WriteAsync("s1", NpgsqlDbType.Text);
                    await sales.WriteAsync(id, NpgsqlDbType.Text);
                    await sales.WriteAsync("sale", NpgsqlDbType.Text);
                    await sales.WriteAsync("committed", NpgsqlDbType.Text);
                    await sales.WriteAsync("h", NpgsqlDbType.Text);
                    await sales.WriteAsync(_clock.GetUtcNow().AddDays(-random.Next(0, 360)), NpgsqlDbType.TimestampTz);
                    await sales.WriteAsync((long)random.Next(100, 100_000), NpgsqlDbType.Bigint);
                    await sales.WriteAsync("""{"食品": 100}""", NpgsqlDbType.Jsonb);
                }
            }
            await sales.CompleteAsync();
        }
        return ids;
    }

    private static async Task<long> Scalar(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>Writes a run's result over the previous one, and forgets an erased member.</summary>
public static class MemberAnalysisSql
{
    internal static async Task Replace(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(MemberShopping Shopping, MemberAnalysis Analysis)> rows,
        DateTimeOffset asOf, DateTimeOffset finishedAt, CancellationToken ct)
    {
        await using (var delete = new NpgsqlCommand("DELETE FROM member_analysis", connection, transaction))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }
        // COPY streams any number of members; one INSERT of arrays would hold them all in one message.
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY member_analysis (member_id, home_store_id, segment, r, f, m, recency_days, purchases, spend, usual_interval_days,
                                  churn_risk, preferred_store_id, top_categories) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (shopping, a) in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.MemberId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(shopping.HomeStoreId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Segment, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, (short?)a.Scores?.R, NpgsqlDbType.Smallint, ct);
                await WriteNullable(copy, (short?)a.Scores?.F, NpgsqlDbType.Smallint, ct);
                await WriteNullable(copy, (short?)a.Scores?.M, NpgsqlDbType.Smallint, ct);
                await WriteNullable(copy, a.RecencyDays, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.Sales, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.Spend, NpgsqlDbType.Bigint, ct);
                await WriteNullable(copy, a.UsualIntervalDays, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.ChurnRisk, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, shopping.PreferredStoreId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(shopping.TopCategoriesJson, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var run = new NpgsqlCommand("INSERT INTO analysis_runs (as_of, finished_at, members) VALUES (@as_of, @finished, @members)", connection, transaction);
        run.Parameters.AddWithValue("as_of", asOf);
        run.Parameters.AddWithValue("finished", finishedAt);
        run.Parameters.AddWithValue("members", rows.Count);
        await run.ExecuteNonQueryAsync(ct);
    }

    /// <summary>When the newest run finished; null before the first.</summary>
    public static async Task<DateTimeOffset?> LastFinishedAt(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT finished_at FROM analysis_runs ORDER BY id DESC LIMIT 1");
        return await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// An erased member leaves the analysis for good: their row goes and their facts row is marked, so later runs skip
    /// them. Waits for a run in progress, which could otherwise write the row back.
    /// </summary>
    public static async Task Forget(NpgsqlDataSource db, string memberId, DateTimeOffset erasedAt, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AnalysisLock.Take(connection, transaction, ct);
        await using (var mark = new NpgsqlCommand("UPDATE members SET erased_at = coalesce(erased_at, @at) WHERE member_id = @m", connection, transaction))
        {
            mark.Parameters.AddWithValue("m", memberId);
            mark.Parameters.AddWithValue("at", erasedAt);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await using var delete = new NpgsqlCommand("DELETE FROM member_analysis WHERE member_id = @m", connection, transaction);
        delete.Parameters.AddWithValue("m", memberId);
        if (await delete.ExecuteNonQueryAsync(ct) > 0)
        {
            // The silos forget the member's segment too.
            await RulesVersions.Bump(connection, transaction, [RuleScopes.Segments], erasedAt, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}

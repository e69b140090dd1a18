using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>
/// One purchase-analysis run: reads every member's last 365 days, scores them (<see cref="RfmAnalyser"/>) and replaces
/// <c>member_analysis</c> in the same transaction, so readers see the previous run or this one, never a mix.
/// </summary>
public sealed partial class MemberAnalysisRun(
    NpgsqlDataSource db,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IMeterFactory meters,
    ILogger<MemberAnalysisRun> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(365);

    private readonly Histogram<double> _duration = meters.Create("OrleansLoyalty")
        .CreateHistogram<double>("loyalty.analysis.duration", unit: "s", description: "How long a purchase-analysis run took, from its lock to its commit");
    private readonly Counter<long> _scored = meters.Create("OrleansLoyalty")
        .CreateCounter<long>("loyalty.analysis.members", description: "Members scored by purchase-analysis runs");

    /// <summary>Runs now, after any run in progress elsewhere.</summary>
    public async Task<AnalysisRunResult> Run(CancellationToken ct) => (await Run(wait: true, ct))!;

    /// <summary>Runs now unless another silo is running it; null then (that run's result will do).</summary>
    public Task<AnalysisRunResult?> RunUnlessRunning(CancellationToken ct) => Run(wait: false, ct);

    private async Task<AnalysisRunResult?> Run(bool wait, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (wait)
        {
            await AnalysisLock.Take(connection, transaction, ct);
        }
        else if (!await AnalysisLock.TryTake(connection, transaction, ct))
        {
            return null;
        }
        // The instant is read after the lock, so a run that waited looks at what happened while it waited.
        var started = clock.GetTimestamp();
        var asOf = clock.GetUtcNow();
        var shopping = await MemberShoppingSql.Read(connection, transaction, asOf, Window, ct);
        var analyses = RfmAnalyser.Analyse([.. shopping.Select(s => s.History)], asOf);
        await MemberAnalysisSql.Replace(connection, transaction, [.. shopping.Zip(analyses)], asOf, clock.GetUtcNow(), ct);
        // Every silo reloads the segments its campaigns target once this commits.
        await RulesVersions.Bump(connection, transaction, [RuleScopes.Segments], clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        _duration.Record(clock.GetElapsedTime(started).TotalSeconds);
        _scored.Add(analyses.Count);
        var segments = analyses.GroupBy(a => a.Segment).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        LogRan(logger, analyses.Count, asOf);
        return new AnalysisRunResult(asOf, analyses.Count, segments);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase analysis scored {Members} members as of {AsOf:u}")]
    private static partial void LogRan(ILogger logger, int members, DateTimeOffset asOf);
}

/// <summary>What a run did: its instant, how many members it scored, and how many fell in each segment.</summary>
public sealed record AnalysisRunResult(DateTimeOffset AsOf, int Members, IReadOnlyDictionary<string, int> Segments);

using System.Security.Claims;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Api.Reports;

/// <summary>/reports: sales, categories, members and segments for head office and store managers (docs/reports.md).</summary>
public static class ReportsApi
{
    private const int MaxSegmentPage = 500;

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").RequireAuthorization(Policies.Staff).WithTags("Reports");
        reports.MapGet("/sales", Sales).WithName("SalesReport")
            .WithSummary("Sales, returns, revenue, discounts, points and stored value per store-local day, week or month; format=csv|xlsx for a file")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "sales"));
        reports.MapGet("/categories", Categories).WithName("CategoryReport")
            .WithSummary("Net sales per top-level category over the range, largest first; format=csv|xlsx for a file")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "categories"));
        reports.MapGet("/members", Members).WithName("MembersReport")
            .WithSummary("Sign-ups per period and channel, and the tier mix of the stores' members; format=csv|xlsx for a file")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "members"));
        reports.MapGet("/ledger", Ledger).WithName("LedgerReport")
            .WithSummary("Points and stored value issued, used and given back per period; chain-wide, also what is owed at the end; format=csv|xlsx for a file")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "ledger"));
        reports.MapGet("/segments", Segments).WithName("SegmentsReport")
            .WithSummary("Members per RFM segment and churn risk, from the last purchase analysis; format=csv|xlsx for a file")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "segments"));
        reports.MapGet("/segments/{segment}/members", SegmentList).WithName("SegmentMembers")
            .WithSummary("A segment's members (ids and figures only), paged by member id; format=csv|xlsx for the whole segment")
            .Audited(AuditActions.ReportRead, (c, _) => Resource(c, "segments/" + c.HttpContext.Request.RouteValues["segment"]));
        reports.MapPost("/analysis/refresh", Refresh).RequireAuthorization(Policies.Admin).WithName("RunAnalysis")
            .WithSummary("Run the purchase analysis now (it also runs nightly)")
            .Audited(AuditActions.AnalysisRun, "report/analysis");
        return api;
    }

    private static async Task<IResult> Sales(string? from, string? to, string? by, string? storeId, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, IOptions<ChainOptions> chain, CancellationToken ct)
    {
        var scope = ReportScope.Parse(from, to, by, storeId, format, user, clock, chain.Value.Zone);
        return await Answer(scope, "sales", SalesReport.Build(scope, await SalesReportSql.Read(db, scope, chain.Value.TimeZone, ct)), ReportTables.Of, ct);
    }

    private static async Task<IResult> Categories(string? from, string? to, string? storeId, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, IOptions<ChainOptions> chain, CancellationToken ct)
    {
        var scope = ReportScope.Parse(from, to, null, storeId, format, user, clock, chain.Value.Zone);
        return await Answer(scope, "categories", await CategoryReport.Read(db, scope, chain.Value.TimeZone, ct), ReportTables.Of, ct);
    }

    private static async Task<IResult> Members(string? from, string? to, string? by, string? storeId, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, IOptions<ChainOptions> chain, CancellationToken ct)
    {
        var scope = ReportScope.Parse(from, to, by, storeId, format, user, clock, chain.Value.Zone);
        return await Answer(scope, "members", await MembersReport.Read(db, scope, chain.Value.TimeZone, ct), ReportTables.Of, ct);
    }

    private static async Task<IResult> Ledger(string? from, string? to, string? by, string? storeId, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, IOptions<ChainOptions> chain, CancellationToken ct)
    {
        var scope = ReportScope.Parse(from, to, by, storeId, format, user, clock, chain.Value.Zone);
        return await Answer(scope, "ledger", await LedgerReport.Read(db, scope, chain.Value.Zone, ct), ReportTables.Of, ct);
    }

    private static async Task<IResult> Segments(string? storeId, string? format, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        ReportScope.StoreAndFormat(new Rules(), storeId, format).ThrowIfAny();
        var report = await SegmentsReport.Read(db, ReportScope.Stores(user, storeId), ct);
        return ReportScope.FileFormat(format) is { } file
            ? await ReportFile.Write(file, "segments", ReportTables.Of(report), ct)
            : TypedResults.Ok(report);
    }

    private static async Task<IResult> SegmentList(string segment, string? storeId, string? after, int? limit, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var rules = new Rules().OneOf("segment", segment, Segment.All, required: true).PageSize("limit", limit, MaxSegmentPage);
        if (after is not null) rules.Text("after", after, 32);
        ReportScope.StoreAndFormat(rules, storeId, format).ThrowIfAny();
        var stores = ReportScope.Stores(user, storeId);
        if (ReportScope.FileFormat(format) is { } file)
        {
            var all = await SegmentMembers.Read(db, segment, stores, after: null, limit: null, ct);
            return await ReportFile.Write(file, $"segment-{segment}", ReportTables.Of(all), ct);
        }
        return TypedResults.Ok(await SegmentMembers.Read(db, segment, stores, after, limit ?? 100, ct));
    }

    /// <summary>The report as JSON, or as the file the scope asks for, named after the report and its range.</summary>
    private static async Task<IResult> Answer<T>(ReportScope scope, string name, T report, Func<T, IReadOnlyList<ReportTable>> tables, CancellationToken ct) =>
        scope.Format is { } format ? await ReportFile.Write(format, $"{name}-{scope.RangeName}", tables(report), ct) : TypedResults.Ok(report);

    private static async Task<IResult> Refresh(MemberAnalysisRun run, CancellationToken ct) => TypedResults.Ok(await run.Run(ct));

    /// <summary>The audit entry's resource: the report, its range and stores (<c>report/sales/2026-11-01..2026-11-30/s001</c>).</summary>
    private static string Resource(EndpointFilterInvocationContext context, string report)
    {
        var query = context.HttpContext.Request.Query;
        var range = query.ContainsKey("from") || query.ContainsKey("to") ? $"/{query["from"]}..{query["to"]}" : "";
        var store = query.TryGetValue("storeId", out var s) ? $"/{s}" : "";
        return $"report/{report}{range}{store}";
    }
}

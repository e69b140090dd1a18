using System.Security.Claims;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Api.Administration;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Cards;
using OrleansLoyalty.Api.Reports;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains;
using OrleansLoyalty.Grains.Administration;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// GET /members/{memberId}/export: everything the chain holds about a member, in one JSON file, for the member's right
/// to a copy of their personal information (PIPL art. 45; docs/privacy.md, "A copy of one's data").
/// </summary>
public static class MemberDataExportApi
{
    /// <summary>A member with more history than this gets the newest part and a note; the ledger and purchases are also pageable.</summary>
    private const int MostRows = 20_000;

    public static RouteGroupBuilder MapMemberDataExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{memberId}/export", Export).WithTags("Members")
            .WithName("ExportMemberData").WithSummary("A copy of everything held about the member as a JSON file (the member, or head office for them)")
            .Audited(AuditActions.MemberDataExported, "member/{memberId}");
        return api;
    }

    private static async Task<IResult> Export(string memberId, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme,
        RulesReader rules, LedgerReader ledger, PurchaseReader purchases, NpgsqlDataSource db, IOptions<ChainOptions> chain, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member, or head office for them, may export a member's data.", orAdmin: true);
        var member = await grains.GetGrain<IMemberGrain>(memberId).Get()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        var now = clock.GetUtcNow();
        var cards = await Task.WhenAll(member.CardNos.Select(c => grains.GetGrain<ICardGrain>(c).Get()));
        var ledgerItems = await All(async cursor =>
        {
            var page = await ledger.ReadAsync(memberId, Before(cursor), 500, ct);
            return (page.Items, page.NextCursor);
        });
        var purchaseItems = await All(async cursor =>
        {
            var page = await purchases.ListAsync(memberId, Before(cursor), 100, ct);
            return (page.Items, page.Next);
        });
        var export = new MemberDataExport(
            now,
            await MemberViews.Build(member, user, grains, programme.Current),
            [.. cards.Select(CardsApi.View)],
            await MemberCouponsApi.Read(memberId, grains, rules, chain.Value.LocalDate(now), ct),
            ledgerItems.Items,
            purchaseItems.Items,
            await MemberAnalysisView.Read(db, memberId, ct),
            ledgerItems.Complete && purchaseItems.Complete ? null : $"Only the newest {MostRows} ledger entries and purchases are in this file; the app pages through the rest.");
        response.Headers.ContentDisposition = $"attachment; filename=\"member-{memberId}-{now:yyyyMMdd}.json\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(export);
    }

    private static long? Before(string? cursor) => cursor is null ? null : long.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads pages until the last one, or until <see cref="MostRows"/>.</summary>
    private static async Task<(List<T> Items, bool Complete)> All<T>(Func<string?, Task<(IReadOnlyList<T> Items, string? Next)>> page)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var (items, next) = await page(cursor);
            all.AddRange(items);
            cursor = next;
        }
        while (cursor is not null && all.Count < MostRows);
        return (all, cursor is null);
    }
}

/// <summary>What <c>GET /members/{id}/export</c> answers: the profile with consent and channel, and every record under the member.</summary>
public sealed record MemberDataExport(
    DateTimeOffset ExportedAt,
    MemberView Profile,
    IReadOnlyList<CardView> Cards,
    IReadOnlyList<MemberCouponView> Coupons,
    IReadOnlyList<LedgerItem> Ledger,
    IReadOnlyList<PurchaseItem> Purchases,
    MemberAnalysisView? PurchaseAnalysis,
    string? Note);

using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using System.Text.Json;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>
/// The loyalty programme (programme.md), head office only. Every save is a new version; the latest is in
/// effect from the moment it was saved and every silo prices with it within a second.
/// </summary>
public static class ProgrammeApi
{
    public const string VersionHeader = "X-Programme-Version";

    public static RouteGroupBuilder MapProgrammeApi(this RouteGroupBuilder api)
    {
        var programme = api.MapGroup("/programme").WithTags("Programme").RequireAuthorization(Policies.Admin);
        programme.MapGet("/", Get).WithName("GetProgramme").WithSummary("The programme in effect: tiers, earning, burning, expiry, gifts");
        programme.MapPut("/", Put).WithName("PutProgramme").WithSummary("Save a new version of the programme; it applies from now")
            .Accepts<Programme>("application/json")
            .Audited(AuditActions.ProgrammeChanged, (_, _) => "programme");
        return api;
    }

    private static async Task<IResult> Get(HttpContext http, RulesReader reader, CancellationToken ct)
    {
        var saved = await reader.ProgrammeAsync(ct);
        http.Response.Headers[VersionHeader] = (saved?.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A programme saved before a section existed shows that section's defaults, which are what applies.
        var programme = saved?.Programme ?? Programme.Default;
        return TypedResults.Json(programme with { StoredValue = programme.StoredValueRules }, RulesJson.Options);
    }

    private static async Task<IResult> Put(HttpContext http, ClaimsPrincipal user, RulesWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var programme = await JsonSerializer.DeserializeAsync<Programme>(http.Request.Body, RulesJson.Options, ct);
        var rules = new Rules();
        if (programme is null)
        {
            rules.Add("body", "must be a programme");
            rules.ThrowIfAny();
        }
        programme = ProgrammeNormalizer.Normalize(programme!);
        rules.AddAll(ProgrammeValidator.Validate(programme));
        ProgrammeNormalizer.CheckLabels(programme, rules);
        rules.ThrowIfAny();
        var version = await writer.SaveProgrammeAsync(programme, user.Subject(), clock.GetUtcNow(), ct);
        http.Response.Headers[VersionHeader] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Json(programme, RulesJson.Options);
    }
}

using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>
/// Campaigns: head office for any store; a store manager, when <c>Administration:ManagersMayRunCampaigns</c>
/// (default true) grants it, only for campaigns that target nothing but their own stores.
/// </summary>
public static class CampaignsApi
{
    public const string ManagerGrantSetting = "Administration:ManagersMayRunCampaigns";

    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Staff);
        campaigns.MapPost("/", Create).WithName("CreateCampaign").WithSummary("Create a campaign (percent off, 满减, points multiplier, bonus points)")
            .Audited(AuditActions.CampaignCreated, (c, _) => "campaign/" + c.Argument<CampaignRequest>().CampaignId);
        campaigns.MapGet("/", List).WithName("ListCampaigns").WithSummary("Every campaign the caller may manage");
        campaigns.MapPost("/{campaignId}/pause", (string campaignId, ClaimsPrincipal user, IConfiguration config, RulesReader reader, RulesWriter writer, TimeProvider clock, CancellationToken ct)
            => SetPaused(campaignId, true, user, config, reader, writer, clock, ct)).WithName("PauseCampaign").WithSummary("Stop a campaign at once")
            .Audited(AuditActions.CampaignPaused, "campaign/{campaignId}");
        campaigns.MapPost("/{campaignId}/resume", (string campaignId, ClaimsPrincipal user, IConfiguration config, RulesReader reader, RulesWriter writer, TimeProvider clock, CancellationToken ct)
            => SetPaused(campaignId, false, user, config, reader, writer, clock, ct)).WithName("ResumeCampaign").WithSummary("Run a paused campaign again")
            .Audited(AuditActions.CampaignResumed, "campaign/{campaignId}");
        return api;
    }

    private static async Task<IResult> Create(CampaignRequest request, ClaimsPrincipal user, IConfiguration config, RulesWriter writer,
        TimeProvider clock, CancellationToken ct)
    {
        var rules = new Rules();
        var campaign = CampaignMapping.ToCampaign(request, rules)!;
        rules.ThrowIfAny();
        RequireMayManage(user, config, campaign);
        if (!await writer.CreateCampaignAsync(campaign, user.Subject(), clock.GetUtcNow(), ct))
        {
            throw new LoyaltyException(AdminErrorCodes.CampaignExists, $"A campaign {campaign.CampaignId} exists already.");
        }
        return TypedResults.Json(campaign, RulesJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, RulesReader reader, CancellationToken ct)
    {
        var campaigns = await reader.CampaignsAsync(ct);
        var visible = user.IsAdmin() ? campaigns : campaigns.Where(c => c.Target.StoreIds.Any(user.MayActFor)).ToList();
        return TypedResults.Json(visible, RulesJson.Options);
    }

    private static async Task<IResult> SetPaused(string campaignId, bool paused, ClaimsPrincipal user, IConfiguration config,
        RulesReader reader, RulesWriter writer, TimeProvider clock, CancellationToken ct)
    {
        new Rules().CallerId("campaignId", campaignId).ThrowIfAny();
        var campaign = await reader.CampaignAsync(campaignId, ct)
            ?? throw new LoyaltyException(AdminErrorCodes.CampaignNotFound, $"No campaign {campaignId}.", 404);
        RequireMayManage(user, config, campaign);
        if (!await writer.SetCampaignPausedAsync(campaignId, paused, clock.GetUtcNow(), ct))
        {
            throw new LoyaltyException(AdminErrorCodes.CampaignNotFound, $"No campaign {campaignId}.", 404);
        }
        return TypedResults.Json(campaign with { Paused = paused }, RulesJson.Options);
    }

    private static void RequireMayManage(ClaimsPrincipal user, IConfiguration config, Campaign campaign)
    {
        if (user.IsAdmin())
        {
            return;
        }
        if (!config.GetValue(ManagerGrantSetting, true))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Campaigns are run by head office.", 403);
        }
        if (campaign.Target.StoreIds.IsDefaultOrEmpty)
        {
            throw new LoyaltyException(ErrorCodes.AuthForbiddenStore, "A store manager's campaign must name its stores in target.storeIds.", 403);
        }
        foreach (var storeId in campaign.Target.StoreIds)
        {
            user.RequireStore(storeId);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.Rewards;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>
/// The rewards catalogue: coupons and gifts members buy with points (programme.md, "Burning"). A reward is a coupon
/// template with a <c>pointsPrice</c>; a gift is a gift coupon, collected at a lane like any coupon.
/// </summary>
public static class RewardsApi
{
    public static RouteGroupBuilder MapRewardsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rewards", List).WithTags("Coupons")
            .WithName("ListRewards").WithSummary("What members can buy with points: coupon templates with a pointsPrice");
        api.MapPost("/members/{memberId}/rewards", Exchange).WithTags("Members")
            .WithName("ExchangePoints").WithSummary("Buy a reward with the member's points (the member, or a lane or staff for their store); idempotent by txnId")
            .Audited(AuditActions.MemberPointsExchanged, "member/{memberId}");
        return api;
    }

    // The same shape as GET /coupon-templates, cheapest first, and `left` for a reward with a limited stock.
    private static async Task<IResult> List(RulesReader reader, IGrainFactory grains, CancellationToken ct)
    {
        var rewards = new JsonArray();
        foreach (var t in (await reader.CouponTemplatesAsync(ct)).Where(t => t.PointsPrice is not null)
                     .OrderBy(t => t.PointsPrice).ThenBy(t => t.TemplateId, StringComparer.Ordinal))
        {
            var reward = JsonSerializer.SerializeToNode(t, RulesJson.Options)!.AsObject();
            if (t.RewardStock is { } stock)
            {
                reward["left"] = await grains.GetGrain<IRewardStockGrain>(t.TemplateId).Left(stock);
            }
            rewards.Add(reward);
        }
        return TypedResults.Json(rewards, RulesJson.Options);
    }

    private static async Task<Ok<PointsExchangeView>> Exchange(string memberId, ExchangePointsRequest request, ClaimsPrincipal user,
        IGrainFactory grains, RulesReader reader, CancellationToken ct)
    {
        var rules = new Rules().Text("memberId", memberId, 32).CallerId("txnId", request.TxnId).CallerId("templateId", request.TemplateId);
        var self = user.IsMemberOnly();
        var storeId = self ? null : rules.ActingStore(user, request.StoreId);
        rules.ThrowIfAny();
        user.RequireSelfIfMember(memberId);
        if (storeId is not null)
        {
            user.RequireStore(storeId);
        }
        var template = (await reader.CouponTemplatesAsync(ct)).FirstOrDefault(t => t.TemplateId == request.TemplateId && t.PointsPrice is not null)
            ?? throw new LoyaltyException(AdminErrorCodes.CouponTemplateNotFound, $"No reward {request.TemplateId}.", 404);
        var exchange = await ExchangeWithinStock(grains, memberId, request.TxnId!, template, storeId ?? "self-service");
        var c = exchange.Coupon;
        return TypedResults.Ok(new PointsExchangeView(exchange.TxnId, c.Code, c.TemplateId, template.Name, Date(c.ValidFrom), Date(c.ValidTo),
            exchange.PointsSpent, exchange.PointsBalance));
    }

    /// <summary>
    /// A limited reward takes a unit of its stock first, and gives it back if the member cannot pay; a retry of the
    /// txnId finds its unit and its coupon again (docs/rewards.md, "Limited stock").
    /// </summary>
    private static async Task<PointsExchange> ExchangeWithinStock(IGrainFactory grains, string memberId, string txnId, CouponTemplate template, string storeId)
    {
        var member = grains.GetGrain<IMemberGrain>(memberId);
        if (template.RewardStock is not { } stock)
        {
            return await member.ExchangePoints(txnId, template, storeId);
        }
        var units = grains.GetGrain<IRewardStockGrain>(template.TemplateId);
        if (!await units.Reserve(txnId, memberId, stock))
        {
            throw new LoyaltyException(ErrorCodes.RewardOutOfStock, $"Reward {template.TemplateId} is sold out (限量 {stock}).", 409);
        }
        PointsExchange exchange;
        try
        {
            exchange = await member.ExchangePoints(txnId, template, storeId);
        }
        catch (LoyaltyException)
        {
            await units.Release(txnId);
            throw;
        }
        await units.Confirm(txnId);
        return exchange;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>POST /members/{memberId}/rewards: which reward, under the caller's transaction id; staff and lanes name their store.</summary>
public sealed record ExchangePointsRequest(string? TxnId, string? TemplateId, string? StoreId = null);

/// <summary>The coupon bought, what it cost and the points left.</summary>
public sealed record PointsExchangeView(string TxnId, string Code, string TemplateId, string Name, string ValidFrom, string ValidTo, long PointsSpent, long PointsBalance);

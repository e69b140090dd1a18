using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// The member's WeChat binding, for WeChat service messages (docs/notices.md, "Channels" and "WeChat"). The app sends
/// its <c>wx.login</c> code and the api asks WeChat whose open id it is, so no one binds another person's WeChat; a
/// stated open id is taken only where the chain has no WeChat app set up (or allows it). Unbinding moves reminders
/// that went to WeChat back to SMS.
/// </summary>
public static class MemberWeChatApi
{
    public static RouteGroupBuilder MapMemberWeChatApi(this RouteGroupBuilder api)
    {
        var wechat = api.MapGroup("/members/{memberId}/wechat").WithTags("Members");
        wechat.MapPut("/", Bind).WithName("BindMemberWeChat").WithSummary("The member binds their WeChat open id (from the app's WeChat sign-in)")
            .Audited(AuditActions.MemberWeChatBound, "member/{memberId}");
        wechat.MapDelete("/", Unbind).WithName("UnbindMemberWeChat").WithSummary("Unbind WeChat (the member, or head office); reminders go by SMS again")
            .Audited(AuditActions.MemberWeChatUnbound, "member/{memberId}");
        return api;
    }

    private static async Task<Ok<MemberView>> Bind(string memberId, BindWeChatRequest request, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme,
        IServiceProvider services, CancellationToken ct)
    {
        var wechat = services.GetService<WeChatApi>();
        var rules = new Rules();
        WeChatBindingRules.Check(rules, request, wechat is not null, services.GetService<IOptions<WeChatOptions>>()?.Value.AcceptOpenIdFromApp ?? true);
        rules.ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member may bind their WeChat.");
        var openId = request.Code is { } code ? await OpenIdOf(wechat!, code, ct) : request.OpenId!;
        return await Change(memberId, new ContactChanges(null, null, null, null, null, null, WeChatOpenId: openId), user, grains, programme);
    }

    private static async Task<string> OpenIdOf(WeChatApi wechat, string code, CancellationToken ct)
    {
        WeChatApi.SessionAnswer answer;
        try
        {
            answer = await wechat.Code2Session(code, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            throw new LoyaltyException(ErrorCodes.ServiceUnavailable, "WeChat did not answer; try again in a moment.", 503);
        }
        if (!answer.Ok || !WeChatBindingRules.IsOpenId(answer.OpenId))
        {
            throw new LoyaltyException(ErrorCodes.WeChatCodeInvalid, $"WeChat did not accept the login code ({answer.ErrCode}): log in to WeChat again and send the new code.", 422);
        }
        return answer.OpenId!;
    }

    private static async Task<Ok<MemberView>> Unbind(string memberId, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme)
    {
        user.RequireTheMember(memberId, "Only the member or head office may unbind WeChat.", orAdmin: true);
        return await Change(memberId, new ContactChanges(null, null, null, null, null, null, UnbindWeChat: true), user, grains, programme);
    }

    private static async Task<Ok<MemberView>> Change(string memberId, ContactChanges changes, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        var member = grains.GetGrain<IMemberGrain>(memberId);
        if (await member.Get() is null)
        {
            throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        }
        return TypedResults.Ok(await MemberViews.Build(await member.UpdateContact(changes), user, grains, programme.Current));
    }
}

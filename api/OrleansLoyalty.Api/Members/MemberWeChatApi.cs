using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// The member's WeChat binding, for WeChat-style service messages (docs/notices.md, "Channels"). The app sends the open
/// id it got from WeChat's sign-in; unbinding moves reminders that went to WeChat back to SMS.
/// </summary>
public static partial class MemberWeChatApi
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

    private static async Task<Ok<MemberView>> Bind(string memberId, BindWeChatRequest request, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme)
    {
        var rules = new Rules();
        if (request.OpenId is null || !OpenIdPattern().IsMatch(request.OpenId))
        {
            rules.Add("openId", "must be the 16 to 64 letters, digits, '-' or '_' of a WeChat open id");
        }
        rules.ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member may bind their WeChat.");
        return await Change(memberId, new ContactChanges(null, null, null, null, null, null, WeChatOpenId: request.OpenId), user, grains, programme);
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

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex OpenIdPattern();
}

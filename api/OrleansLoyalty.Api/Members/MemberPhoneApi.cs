using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// A member moving to a new phone number (docs/sign-in.md, "Changing the phone number"): the member proves the new
/// number with a code sent to it; staff at the service desk of the member's store (or head office), who see the
/// member, change it without one.
/// </summary>
public static class MemberPhoneApi
{
    public static RouteGroupBuilder MapMemberPhoneApi(this RouteGroupBuilder api)
    {
        var phone = api.MapGroup("/members/{memberId}/phone").WithTags("Members");
        phone.MapPost("/otp", SendCode).RequireRateLimiting(RateLimits.SignIn)
            .WithName("SendMemberPhoneCode").WithSummary("The member asks for a code on the new number (sent only if no member has it; the same answer either way)");
        phone.MapPut("/", Change)
            .WithName("ChangeMemberPhone").WithSummary("Change the member's phone: the member with the code from the new number, or staff of the member's store")
            .Audited(AuditActions.MemberPhoneChanged, "member/{memberId}");
        return api;
    }

    public sealed record PhoneCodeRequest(string? Phone);

    public sealed record ChangePhoneRequest(string? Phone, string? Otp);

    private static async Task<Accepted<SendCodeAccepted>> SendCode(string memberId, PhoneCodeRequest request, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<SignInOptions> options)
    {
        new Rules().Phone("phone", request.Phone).ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member may ask for a code for their new number.");
        // The registration code's rules: a code only to a number no member has, and no telling which.
        await grains.GetGrain<IMemberDirectoryGrain>(0).SendRegistrationCode(request.Phone!);
        return SendCodeAccepted.Of(options.Value);
    }

    private static async Task<Ok<MemberView>> Change(string memberId, ChangePhoneRequest request, ClaimsPrincipal user, IGrainFactory grains,
        IProgrammeSource programme)
    {
        var rules = new Rules().Text("memberId", memberId, 32).Phone("phone", request.Phone);
        var self = user.IsMemberOnly();
        if (self && (request.Otp is null || !MemberSignInApi.OtpPattern().IsMatch(request.Otp)))
        {
            rules.Add("otp", "must be the 6-digit code sent to the new number");
        }
        rules.ThrowIfAny();
        var member = await grains.GetGrain<IMemberGrain>(memberId).Get()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        if (self)
        {
            user.RequireTheMember(memberId, "Only the member may change their own number with a code.");
            if (!await grains.GetGrain<IMemberDirectoryGrain>(0).VerifyRegistrationCode(request.Phone!, request.Otp!))
            {
                throw new LoyaltyException(ErrorCodes.MemberPhoneNotVerified, "The code is wrong, used or expired: ask for a new one.", 422);
            }
        }
        else if (!MemberViews.IsStaffOf(user, member))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Only the member, head office or the member's store may change the phone.", 403);
        }
        var changed = await grains.GetGrain<IMemberGrain>(memberId).ChangePhone(request.Phone!);
        return TypedResults.Ok(await MemberViews.Build(changed, user, grains, programme.Current));
    }
}

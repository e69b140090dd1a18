using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Domain.Payments;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// The member's payment PIN for stored value (docs/payment-pin.md). The member sets it in the app with a code sent to
/// their phone, or changes it with the current PIN; staff at the desk of the member's store clear a forgotten one after
/// seeing the member's ID, never set one. No answer ever carries the PIN.
/// </summary>
public static class PaymentPinApi
{
    public static RouteGroupBuilder MapPaymentPinApi(this RouteGroupBuilder api)
    {
        var pin = api.MapGroup("/members/{memberId}/payment-pin").WithTags("Members");
        pin.MapGet("/", Get).WithName("GetPaymentPinStatus").WithSummary("Whether the member has a payment PIN, and whether it is locked");
        pin.MapPost("/otp", SendCode).RequireRateLimiting(RateLimits.SignIn)
            .WithName("SendPaymentPinCode").WithSummary("The member asks for a code on their phone to set the payment PIN");
        pin.MapPut("/", Set).WithName("SetPaymentPin").WithSummary("The member sets or changes their payment PIN, with the code from their phone or the current PIN")
            .Audited(AuditActions.MemberPaymentPinSet, "member/{memberId}");
        pin.MapDelete("/", Clear).WithName("ClearPaymentPin").WithSummary("Staff of the member's store (or head office) clear a forgotten PIN after seeing the member's ID")
            .Audited(AuditActions.MemberPaymentPinCleared, "member/{memberId}");
        return api;
    }

    public sealed record SetPaymentPinRequest(string? Pin, string? Otp, string? CurrentPin);

    public sealed record PaymentPinView(bool Set, DateTimeOffset? LockedUntil, DateTimeOffset? ChangedAt);

    private static async Task<Ok<PaymentPinView>> Get(string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await RequireMayManage(memberId, user, grains, mayBeMember: true);
        var status = await grains.GetGrain<IPaymentPinGrain>(memberId).Status();
        return TypedResults.Ok(new PaymentPinView(status.Set, status.LockedUntil, status.ChangedAt));
    }

    private static async Task<Accepted<SendCodeAccepted>> SendCode(string memberId, ClaimsPrincipal user, IGrainFactory grains, IOptions<SignInOptions> options)
    {
        user.RequireTheMember(memberId, "Only the member may ask for a code to set their payment PIN.");
        var member = await Member(memberId, grains);
        // Too soon or too often is answered alike: the member's screen counts down from resendAfter either way.
        await grains.GetGrain<IMemberSignInGrain>(memberId).SendCode(member.Profile.Phone, NotificationTemplates.PaymentPinCode);
        return SendCodeAccepted.Of(options.Value);
    }

    private static async Task<Ok<PaymentPinView>> Set(string memberId, SetPaymentPinRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().Text("memberId", memberId, 32);
        if (!PaymentPins.IsWellFormed(request.Pin))
        {
            rules.Add("pin", "must be 6 digits");
        }
        if ((request.Otp is null) == (request.CurrentPin is null))
        {
            rules.Add("otp", "give exactly one of otp (the code sent to the member's phone) and currentPin");
        }
        else if (request.Otp is not null && !MemberSignInApi.OtpPattern().IsMatch(request.Otp))
        {
            rules.Add("otp", "must be the 6-digit code sent by SMS");
        }
        else if (request.CurrentPin is not null && !PaymentPins.IsWellFormed(request.CurrentPin))
        {
            rules.Add("currentPin", "must be 6 digits");
        }
        rules.ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member may set their payment PIN; staff can only clear a forgotten one.");
        await Member(memberId, grains);
        if (PaymentPins.IsWeak(request.Pin!))
        {
            throw new LoyaltyException(ErrorCodes.PaymentPinWeak, "Choose a PIN that is not one digit repeated or a run like 123456.", 422);
        }
        var pins = grains.GetGrain<IPaymentPinGrain>(memberId);
        if (!await Proven(memberId, request, pins, grains))
        {
            throw new LoyaltyException(ErrorCodes.PaymentPinProofWrong,
                request.Otp is not null ? "The code is wrong, used or expired: ask for a new one." : "The current PIN is wrong (or locked): use a code sent to your phone.", 422);
        }
        await pins.Set(request.Pin!);
        await grains.GetGrain<IMemberGrain>(memberId).TellPaymentPinChanged(removed: false);
        var status = await pins.Status();
        return TypedResults.Ok(new PaymentPinView(status.Set, status.LockedUntil, status.ChangedAt));
    }

    private static async Task<Ok<PaymentPinView>> Clear(string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        await RequireMayManage(memberId, user, grains, mayBeMember: false);
        var pins = grains.GetGrain<IPaymentPinGrain>(memberId);
        await pins.Clear();
        await grains.GetGrain<IMemberGrain>(memberId).TellPaymentPinChanged(removed: true);
        var status = await pins.Status();
        return TypedResults.Ok(new PaymentPinView(status.Set, status.LockedUntil, status.ChangedAt));
    }

    /// <summary>A code sent to the member's phone, or the PIN they have now (a wrong one counts toward its lock).</summary>
    private static async Task<bool> Proven(string memberId, SetPaymentPinRequest request, IPaymentPinGrain pins, IGrainFactory grains) =>
        request.Otp is not null
            ? await grains.GetGrain<IMemberSignInGrain>(memberId).TryUseCode(request.Otp)
            : (await pins.Check(request.CurrentPin)).Verdict == PaymentPinVerdict.Right;

    /// <summary>The member themself (when <paramref name="mayBeMember"/>), head office, or a manager of the member's home store.</summary>
    private static async Task RequireMayManage(string memberId, ClaimsPrincipal user, IGrainFactory grains, bool mayBeMember)
    {
        if (mayBeMember && user.IsTheMember(memberId))
        {
            return;
        }
        var member = await Member(memberId, grains);
        if (!MemberViews.IsStaffOf(user, member))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Only the member, head office or the member's store may do this.", 403);
        }
    }

    private static async Task<MemberSnapshot> Member(string memberId, IGrainFactory grains) =>
        await grains.GetGrain<IMemberGrain>(memberId).Get() ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
}

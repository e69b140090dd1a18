using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.SignIn;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Programme;

using OrleansLoyalty.Domain;

using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Api.Members;

/// <summary>Registration, look-up, profile upkeep and history of members.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapPost("/", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Registration)
            .WithName("RegisterMember").WithSummary("Register a member (lane, kiosk, app, web); grants the sign-up gifts")
            .Audited(AuditActions.MemberRegistered, (_, result) => result is Created<RegisteredMember> { Value: { } m } ? "member/" + m.MemberId : null);
        members.MapGet("/", FindByPhone).RequireAuthorization(Policies.Checkout)
            .WithName("FindMemberByPhone").WithSummary("Look a member up by phone (staff, lanes)")
            .Audited(AuditActions.MemberLookedUp, (_, result) => result is Ok<MemberLookup> { Value: { } found } ? "member/" + found.MemberId : null);
        members.MapGet("/{memberId}", Get)
            .WithName("GetMember").WithSummary("Profile and wallet: tier and progress, points and what expires, stored value, coupons")
            .AuditedRead(AuditActions.MemberViewed, "member/{memberId}");
        members.MapPatch("/{memberId}", Update)
            .WithName("UpdateMember").WithSummary("Edit contact data")
            .Audited(AuditActions.MemberUpdated, "member/{memberId}");
        members.MapGet("/{memberId}/ledger", Ledger)
            .WithName("GetMemberLedger").WithSummary("Every points and stored-value movement, newest first, paged by cursor")
            .AuditedRead(AuditActions.MemberLedgerViewed, "member/{memberId}");
        return api;
    }

    private static async Task<Created<RegisteredMember>> Register(RegisterMemberRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, PasswordHasher hasher,
        IOptions<MemberOptions> members, Administration.StoreDirectory stores, CancellationToken ct)
    {
        var rules = new Rules().Phone("phone", request.Phone).Text("name", request.Name, 50)
            .MemberPassword("password", request.Password, required: false)
            .OneOf("birthdayCalendar", request.BirthdayCalendar, ["gregorian", "lunar"])
            .OneOf("gender", request.Gender, ["female", "male", "other"])
            .Email("email", request.Email)
            .OneOf("channel", request.Channel, Rules.Channels);
        var birthday = BirthdayRules.Parse(rules, request.Birthday, request.BirthdayCalendar, Today(clock));
        if (request.StoreId is not null)
        {
            rules.StoreId("storeId", request.StoreId);
        }
        else if (user.Identity?.IsAuthenticated == true && !user.IsAdmin())
        {
            rules.Add("storeId", "is required for store staff and lanes");
        }
        if (request.ReferralCode is not null)
        {
            rules.Text("referralCode", request.ReferralCode, 16);
        }
        var selfRegistration = user.Identity?.IsAuthenticated != true;
        var verifyPhone = selfRegistration && members.Value.VerifyPhoneOnSelfRegistration;
        if (verifyPhone && (request.Otp is null || !MemberSignInApi.OtpPattern().IsMatch(request.Otp)))
        {
            rules.Add("otp", "is the 6-digit code sent by POST /members/otp with purpose registration; required to register without a staff or lane token");
        }
        rules.ThrowIfAny();
        if (request.StoreId is not null && !selfRegistration)
        {
            user.RequireStore(request.StoreId);
        }
        else if (request.StoreId is not null && !await stores.ExistsAsync(request.StoreId, ct))
        {
            // A shopper picks from the store directory; a home store nobody runs would leave the member unmanaged.
            rules.Add("storeId", "is not one of the chain's stores (GET /store-directory)");
            rules.ThrowIfAny();
        }
        var directory = grains.GetGrain<IMemberDirectoryGrain>(0);
        if (request.ReferralCode is not null && await directory.FindByReferralCode(request.ReferralCode) is null)
        {
            throw new LoyaltyException(ErrorCodes.MemberReferralUnknown, $"No member has referral code '{request.ReferralCode}'.", 422);
        }
        // The code is checked (and used up) last, so a typo anywhere else does not cost the shopper their code.
        if (verifyPhone && !await directory.VerifyRegistrationCode(request.Phone!, request.Otp!))
        {
            throw new LoyaltyException(ErrorCodes.MemberPhoneNotVerified, "The code is wrong or has expired: ask for a new one.", 400);
        }
        var profile = new MemberProfile(request.Phone!, request.Name!.Trim(), birthday,
            request.BirthdayCalendar == "lunar" ? BirthdayCalendar.Lunar : BirthdayCalendar.Gregorian,
            request.Gender, request.Email, request.ConsentMarketing ?? false);
        var result = await directory.Register(new RegisterMember(profile, request.StoreId ?? "web", request.Channel ?? "web", request.ReferralCode));
        var m = result.Member;
        if (request.Password is not null)
        {
            // After the member exists (their id is made by the registration). Should this fail, the member is
            // registered without a password and can set one after signing in with a code.
            await grains.GetGrain<IMemberSignInGrain>(m.MemberId).SetPassword(hasher.Hash(request.Password));
        }
        return TypedResults.Created($"/api/v1/members/{m.MemberId}",
            new RegisteredMember(m.MemberId, m.ReferralCode, m.Tier, m.PointsBalance, new SignUpGifts(result.GiftPoints, result.GiftCoupons)));
    }

    private static async Task<Ok<MemberLookup>> FindByPhone(string? phone, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().Phone("phone", phone).ThrowIfAny();
        var memberId = await grains.GetGrain<IMemberDirectoryGrain>(0).FindByPhone(phone!);
        var member = memberId is null ? null : await grains.GetGrain<IMemberGrain>(memberId).Get();
        if (member is null)
        {
            throw new LoyaltyException(ErrorCodes.MemberNotFound, "No member has this phone number.", 404);
        }
        var full = MemberViews.MaySeeInFull(user, member);
        return TypedResults.Ok(new MemberLookup(member.MemberId,
            full ? member.Profile.Name : PersonalDataMask.Name(member.Profile.Name),
            full ? member.Profile.Phone : PersonalDataMask.Phone(member.Profile.Phone),
            member.Tier));
    }

    private static async Task<Ok<MemberView>> Get(string memberId, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme)
    {
        var member = await Load(memberId, user, grains);
        return TypedResults.Ok(await MemberViews.Build(member, user, grains, programme.Current));
    }

    private static async Task<Ok<MemberView>> Update(string memberId, UpdateMemberRequest request, ClaimsPrincipal user, IGrainFactory grains, IProgrammeSource programme,
        IServiceProvider services, TimeProvider clock)
    {
        var member = await Load(memberId, user, grains);
        if (!MemberViews.MaySeeInFull(user, member))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Only the member, head office or the member's store may edit a profile.", 403);
        }
        var rules = new Rules().Text("name", request.Name, 50, required: false)
            .OneOf("birthdayCalendar", request.BirthdayCalendar, ["gregorian", "lunar"])
            .OneOf("gender", request.Gender, ["female", "male", "other"])
            .Email("email", request.Email)
            .OneOf("notifyBy", request.NotifyBy, NotificationChannels.All);
        // Known where a silo runs in this process (its senders); an api that is only a client takes the choice as it comes.
        if (request.NotifyBy is { } chosen && NotificationChannels.All.Contains(chosen) && services.GetService<DeliverableChannels>() is { } deliverable
            && !deliverable.Has(chosen))
        {
            rules.Add("notifyBy", $"{chosen} is not offered by this chain yet: choose another channel");
        }
        if (request.NotifyBy == NotificationChannels.Email && string.IsNullOrWhiteSpace(request.Email ?? member.Profile.Email))
        {
            rules.Add("notifyBy", "email needs an e-mail address: give email as well");
        }
        if (request.NotifyBy == NotificationChannels.WeChat && member.Profile.WeChatOpenId is null)
        {
            rules.Add("notifyBy", "wechat needs the member's WeChat bound first (PUT /members/{id}/wechat)");
        }
        var birthday = BirthdayRules.Parse(rules, request.Birthday,
            request.BirthdayCalendar ?? (member.Profile.BirthdayCalendar == BirthdayCalendar.Lunar ? "lunar" : "gregorian"), Today(clock));
        rules.ThrowIfAny();
        var changes = new ContactChanges(request.Name?.Trim(), request.Email, request.Gender, birthday,
            request.BirthdayCalendar is null ? null : request.BirthdayCalendar == "lunar" ? BirthdayCalendar.Lunar : BirthdayCalendar.Gregorian,
            request.ConsentMarketing,
            request.NotifyBy);
        var updated = await grains.GetGrain<IMemberGrain>(memberId).UpdateContact(changes);
        return TypedResults.Ok(await MemberViews.Build(updated, user, grains, programme.Current));
    }

    private static async Task<Ok<LedgerPage>> Ledger(string memberId, string? cursor, int? limit, ClaimsPrincipal user, IGrainFactory grains, LedgerReader ledger, CancellationToken ct)
    {
        var member = await Load(memberId, user, grains);
        if (!MemberViews.MaySeeInFull(user, member))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Only the member, head office or the member's store may read the ledger.", 403);
        }
        new Rules().PageCursor("cursor", cursor, out var before).PageSize("limit", limit, 200).ThrowIfAny();
        return TypedResults.Ok(await ledger.ReadAsync(memberId, before, limit ?? 50, ct));
    }

    // Birthdays are checked against the chain's calendar day; a day's slack either way is harmless here.
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().AddHours(8).UtcDateTime);

    private static async Task<MemberSnapshot> Load(string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireSelfIfMember(memberId);
        return await grains.GetGrain<IMemberGrain>(memberId).Get()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
    }
}

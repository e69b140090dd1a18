using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Api.Members;

/// <summary>Members signing in by password or by a one-time code sent to their phone, and setting their password.</summary>
public static partial class MemberSignInApi
{
    public static RouteGroupBuilder MapMemberSignInApi(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapPost("/otp", SendCode).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithName("SendMemberSignInCode")
            .WithSummary("Send a one-time code by SMS: to sign in (a registered phone) or, with purpose=registration, to register on the web (an unregistered one); the same answer for any phone");
        members.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithName("MemberLogin").WithSummary("Sign a member in with phone and password, or phone and one-time code; answers a member token");
        members.MapPut("/{memberId}/password", SetPassword)
            .WithName("SetMemberPassword").WithSummary("The signed-in member sets or changes their password; their other sessions end, the answer is a new token")
            .Audited(AuditActions.MemberPasswordSet, "member/{memberId}");
        members.MapPost("/{memberId}/sign-out-everywhere", SignOutEverywhere)
            .WithName("SignMemberOutEverywhere").WithSummary("End every session of the member (the member, or head office for them): a lost phone")
            .Audited(AuditActions.MemberSignedOutEverywhere, "member/{memberId}");
        return api;
    }

    private static async Task<Accepted<SendCodeAccepted>> SendCode(SendCodeRequest request, IGrainFactory grains, IOptions<SignInOptions> options)
    {
        new Rules().Phone("phone", request.Phone).OneOf("purpose", request.Purpose, ["signin", "registration"]).ThrowIfAny();
        var directory = grains.GetGrain<IMemberDirectoryGrain>(0);
        if (request.Purpose == "registration")
        {
            await directory.SendRegistrationCode(request.Phone!);
        }
        else if (await directory.FindByPhone(request.Phone!) is { } memberId)
        {
            // Too soon or too often is not told either: the answer must not say whether the phone is a member's.
            await grains.GetGrain<IMemberSignInGrain>(memberId).SendCode(request.Phone!);
        }
        return SendCodeAccepted.Of(options.Value);
    }

    private static async Task<Ok<MemberLoginResponse>> Login(MemberLoginRequest request, IGrainFactory grains, PasswordHasher hasher, TokenService tokens, AuditTrail audit)
    {
        var rules = new Rules().Phone("phone", request.Phone);
        if ((request.Password is null) == (request.Otp is null))
        {
            rules.Add("password", "give exactly one of password and otp");
        }
        else if (request.Password is not null)
        {
            rules.Text("password", request.Password, MemberPasswords.MaxLength);
        }
        else if (!OtpPattern().IsMatch(request.Otp!))
        {
            rules.Add("otp", "must be the 6-digit code sent by SMS");
        }
        rules.ThrowIfAny();
        var memberId = await grains.GetGrain<IMemberDirectoryGrain>(0).FindByPhone(request.Phone!);
        var signedIn = request.Otp is not null
            ? memberId is not null && await grains.GetGrain<IMemberSignInGrain>(memberId).TryUseCode(request.Otp)
            : await CheckPassword(memberId, request.Password!, grains, hasher);
        var method = request.Otp is not null ? "otp" : "password";
        if (!signedIn)
        {
            // Only failures against a member are kept: an unknown phone names no one (and is not stored).
            if (memberId is not null)
            {
                await audit.Record(AuditActor.Anonymous, AuditActions.MemberSignInFailed, "member/" + memberId, detail: new { method });
            }
            throw new LoyaltyException(ErrorCodes.AuthInvalidCredentials, "Unknown phone, or wrong password or code.", 401);
        }
        await audit.Record("member:" + memberId, AuditActions.MemberSignedIn, "member/" + memberId, detail: new { method });
        return TypedResults.Ok(MemberToken(tokens, memberId!));
    }

    private static async Task<bool> CheckPassword(string? memberId, string password, IGrainFactory grains, PasswordHasher hasher)
    {
        var signIn = memberId is null ? null : grains.GetGrain<IMemberSignInGrain>(memberId);
        var attempt = signIn is null ? new PasswordAttempt(null, null) : await signIn.BeginPasswordAttempt();
        if (attempt.LockedUntil is { } lockedUntil)
        {
            throw new LoyaltyException(ErrorCodes.AuthTooManyAttempts,
                $"Too many wrong passwords: try again after {lockedUntil:yyyy-MM-dd'T'HH:mm:ssK}, or sign in with a code sent by SMS.", 429);
        }
        if (attempt.PasswordHash is not { } hash)
        {
            // As slow as a real check, so the answer's timing does not tell a member's phone from anyone else's.
            _ = hasher.Hash(password);
            return false;
        }
        if (!hasher.Verify(password, hash))
        {
            return false;
        }
        await signIn!.PasswordSucceeded();
        return true;
    }

    private static async Task<Ok<MemberLoginResponse>> SetPassword(string memberId, SetPasswordRequest request, ClaimsPrincipal user, IGrainFactory grains,
        PasswordHasher hasher, TokenService tokens, TokenRevocationStore revocations, CancellationToken ct)
    {
        user.RequireTheMember(memberId, "Only the member may set their own password.");
        new Rules().MemberPassword("password", request.Password, required: true).ThrowIfAny();
        await grains.GetGrain<IMemberSignInGrain>(memberId).SetPassword(hasher.Hash(request.Password!));
        // Whoever signed in with the old password (a shared tablet, a lost phone) is signed out; this session goes on with a new token.
        await revocations.Revoke(TokenSubjects.Member(memberId), AuditActions.MemberPasswordSet, ct);
        return TypedResults.Ok(MemberToken(tokens, memberId));
    }

    private static async Task<NoContent> SignOutEverywhere(string memberId, ClaimsPrincipal user, TokenRevocationStore revocations, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireTheMember(memberId, "Only the member or head office may sign a member out.", orAdmin: true);
        await revocations.Revoke(TokenSubjects.Member(memberId), AuditActions.MemberSignedOutEverywhere, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A member's login answer; <paramref name="sessionStarted"/> for a renewal (null: a sign-in).</summary>
    internal static MemberLoginResponse MemberToken(TokenService tokens, string memberId, DateTimeOffset? sessionStarted = null)
    {
        var token = tokens.Issue(memberId, [Roles.Member], [], device: false, sessionStarted);
        return new MemberLoginResponse(token.AccessToken, token.TokenType, token.ExpiresIn, token.Roles, memberId);
    }

    [GeneratedRegex("^[0-9]{6}$")]
    internal static partial Regex OtpPattern();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Api.Members;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// POST /auth/refresh: a signed-in staff member or member swaps a live token for a fresh one, so the console and the
/// app stay signed in without keeping a password, until the session's own limit (<see cref="AuthOptions.StaffSessionHours"/>,
/// <see cref="AuthOptions.MemberSessionDays"/>). The account is read again: a renewed token carries today's roles
/// and stores, and a disabled account or an erased member gets none. Devices sign in with their secret instead.
/// </summary>
public static class TokenRenewalApi
{
    public static RouteGroupBuilder MapTokenRenewalApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/refresh", Renew).RequireAuthorization(Policies.Anyone)
            .WithName("RenewToken").WithSummary("Swap a live staff or member token for a fresh one, within the session's limit").WithTags("Auth");
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, Ok<MemberLoginResponse>>> Renew(ClaimsPrincipal user, CredentialStore store, IGrainFactory grains,
        TokenService tokens, IOptions<AuthOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var started = TokenSubjects.SessionStarted(user);
        if (user.IsMemberOnly())
        {
            RequireWithin(started, TimeSpan.FromDays(options.Value.MemberSessionDays), clock);
            var memberId = user.Subject();
            if (await grains.GetGrain<IMemberGrain>(memberId).Get() is null)
            {
                throw SignInAgain("The member no longer exists.");
            }
            return TypedResults.Ok(MemberSignInApi.MemberToken(tokens, memberId, started));
        }
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Manager))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Lanes and gateways sign in with their client credentials.", 403);
        }
        RequireWithin(started, TimeSpan.FromHours(options.Value.StaffSessionHours), clock);
        var staff = await store.FindStaff(user.Subject(), ct) ?? throw SignInAgain("The account is disabled.");
        return TypedResults.Ok(tokens.Issue(staff.Username, staff.Roles, staff.StoreIds, device: false, started));
    }

    private static void RequireWithin(DateTimeOffset started, TimeSpan limit, TimeProvider clock)
    {
        if (clock.GetUtcNow() - started >= limit)
        {
            throw SignInAgain($"The session began more than {limit.TotalHours:0} hours ago: sign in again.");
        }
    }

    private static LoyaltyException SignInAgain(string detail) => new(ErrorCodes.AuthSessionExpired, detail, 401);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Members;

namespace OrleansLoyalty.Api.Members;

/// <summary>GET /members/{memberId}/code: the rotating member code (会员码) the app shows at a lane (docs/member-codes.md).</summary>
public static class MemberCodeApi
{
    public static RouteGroupBuilder MapMemberCodeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{memberId}/code", Get).WithTags("Members")
            .WithName("GetMemberCode").WithSummary("The member's current app code for a lane's scanner (the member only); it rotates every step");
        return api;
    }

    private static async Task<Ok<MemberAppCode>> Get(string memberId, HttpResponse response, ClaimsPrincipal user, IGrainFactory grains,
        MemberAppCodes codes, TimeProvider clock)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        // The code spends the member's points and stored value at a lane: staff have the card or the phone for that.
        user.RequireTheMember(memberId, "Only the member may show their member code.");
        if (await grains.GetGrain<IMemberGrain>(memberId).Get() is null)
        {
            throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(codes.Issue(memberId, clock.GetUtcNow()));
    }
}

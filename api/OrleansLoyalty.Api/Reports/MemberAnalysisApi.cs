using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Members;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /members/{memberId}/analysis: the member's segment, scores, churn risk and preferences from the last run.</summary>
public static class MemberAnalysisApi
{
    public static RouteGroupBuilder MapMemberAnalysisApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{memberId}/analysis", Get).WithTags("Members")
            .WithName("GetMemberAnalysis").WithSummary("The member's RFM segment, scores, churn risk and preferences from the last purchase analysis")
            .AuditedRead(AuditActions.MemberAnalysisViewed, "member/{memberId}");
        return api;
    }

    // Who may read it is decided from the analysis row (its home store), without waking the member's grain.
    private static async Task<Ok<MemberAnalysisView>> Get(string memberId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireSelfIfMember(memberId);
        var view = await MemberAnalysisView.Read(db, memberId, ct)
            ?? throw new LoyaltyException(ErrorCodes.AnalysisNotAvailable, "The purchase analysis has not seen this member yet: it runs nightly.", 404);
        if (!MemberViews.MaySeeInFull(user, memberId, view.HomeStoreId))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbiddenStore, "Only the member, head office or the member's store may read the analysis.", 403);
        }
        return TypedResults.Ok(view);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Api.Members;

/// <summary>POST /members/{memberId}/erasure: a member's personal data erased on their request (docs/privacy.md).</summary>
public static class MemberErasureApi
{
    public static RouteGroupBuilder MapMemberErasureApi(this RouteGroupBuilder api)
    {
        api.MapPost("/members/{memberId}/erasure", Erase).WithTags("Members")
            .WithName("EraseMember").WithSummary("Erase a member's personal data on their request (head office, or the member themself); stored value must be refunded first")
            .Audited(AuditActions.MemberErased, "member/{memberId}");
        return api;
    }

    public sealed record MemberErased(string MemberId, DateTimeOffset ErasedAt);

    private static async Task<Ok<MemberErased>> Erase(string memberId, ClaimsPrincipal user, IGrainFactory grains, NpgsqlDataSource db,
        TokenRevocationStore revocations, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireTheMember(memberId, "Only head office or the member themself may erase a member.", orAdmin: true);
        var erasedAt = await grains.GetGrain<IMemberGrain>(memberId).Erase();
        // Messages still waiting hold the phone (encrypted): they go too. A repeat of the request deletes nothing more.
        await OutboxDeliverySql.ForgetMember(db, memberId, ct);
        // Their shopping profile (segment, preferences) is personal data too; their sales stay, under the anonymous id.
        await MemberAnalysisSql.Forget(db, memberId, erasedAt, ct);
        // Nobody acts as an erased member any more, on any device they had signed in on.
        await revocations.Revoke(TokenSubjects.Member(memberId), AuditActions.MemberErased, ct);
        return TypedResults.Ok(new MemberErased(memberId, erasedAt));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Audit;

/// <summary>GET /audit: head office reads who did what, newest first.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Read).RequireAuthorization(Policies.Admin).WithTags("Audit")
            .WithName("ReadAuditLog").WithSummary("The audit log, newest first; narrow by resource (member/M…), actor (staff:alice) or action; paged by cursor");
        return api;
    }

    private static async Task<Ok<AuditPage>> Read(string? resource, string? actor, string? action, string? cursor, int? limit, AuditReader reader, CancellationToken ct)
    {
        var rules = new Rules();
        if (resource is not null) rules.Text("resource", resource, 200);
        if (actor is not null) rules.Text("actor", actor, 200);
        if (action is not null) rules.Text("action", action, 64);
        rules.PageCursor("cursor", cursor, out var before).PageSize("limit", limit, 200).ThrowIfAny();
        return TypedResults.Ok(await reader.ReadAsync(new AuditQuery(resource, actor, action, before, limit ?? 50), ct));
    }
}

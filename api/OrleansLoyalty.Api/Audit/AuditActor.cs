using System.Security.Claims;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Audit;

/// <summary>Who an entry names: <c>staff:alice</c>, <c>device:lane-s001-03</c>, <c>member:M…</c>, or <c>anonymous</c>.</summary>
public static class AuditActor
{
    public const string Anonymous = "anonymous";

    public static string Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var kind = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) ? "staff"
            : user.IsInRole(Roles.Lane) || user.IsInRole(Roles.Gateway) ? "device"
            : "member";
        return $"{kind}:{user.Subject()}";
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>
/// Who may watch what: admins everything; managers the stores named in their "store" claims and not
/// the chain. Reads the token's own claim names ("role", "store") and the mapped role type, so it
/// holds whether or not the JWT handler maps inbound claims.
/// </summary>
public static class DashboardAccess
{
    public const string PolicyName = "loyalty-dashboard";
    public const string RoleClaim = "role";
    public const string StoreClaim = "store";
    public const string AdminRole = "admin";
    public const string ManagerRole = "manager";

    public static void Policy(AuthorizationPolicyBuilder policy) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => HasRole(context.User, AdminRole) || HasRole(context.User, ManagerRole));

    public static bool CanSeeChain(ClaimsPrincipal? user) => user is not null && HasRole(user, AdminRole);

    public static bool CanSeeStore(ClaimsPrincipal? user, string storeId) =>
        user is not null &&
        (HasRole(user, AdminRole) || (HasRole(user, ManagerRole) && user.HasClaim(StoreClaim, storeId)));

    private static bool HasRole(ClaimsPrincipal user, string role) =>
        user.HasClaim(RoleClaim, role) || user.HasClaim(ClaimTypes.Role, role);
}

using System.Security.Claims;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Store-level authorization: head office acts for every store; managers, lanes and gateways only for the
/// stores their token names; members only for themselves.
/// </summary>
public static class StoreScope
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool IsMemberOnly(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Member) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Manager) && !user.IsInRole(Roles.Lane) && !user.IsInRole(Roles.Gateway);

    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue(Roles.SubjectClaim) ?? "";

    public static IReadOnlyList<string> Stores(this ClaimsPrincipal user) =>
        user.FindAll(Roles.StoreClaim).Select(c => c.Value).ToList();

    public static bool MayActFor(this ClaimsPrincipal user, string storeId) =>
        user.IsAdmin() || user.HasClaim(Roles.StoreClaim, storeId);

    /// <summary>Refuses with 403 <c>auth.forbidden_store</c> unless the caller may act for <paramref name="storeId"/>.</summary>
    public static void RequireStore(this ClaimsPrincipal user, string storeId)
    {
        if (!user.MayActFor(storeId))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbiddenStore, $"This credential may not act for store '{storeId}'.", 403);
        }
    }

    /// <summary>A member may only touch their own data.</summary>
    public static void RequireSelfIfMember(this ClaimsPrincipal user, string memberId)
    {
        if (user.IsMemberOnly() && user.Subject() != memberId)
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Members may only see their own data.", 403);
        }
    }

    /// <summary>A member token for exactly this member.</summary>
    public static bool IsTheMember(this ClaimsPrincipal user, string memberId) => user.IsMemberOnly() && user.Subject() == memberId;

    /// <summary>
    /// Refuses with 403 <c>auth.forbidden</c> unless the caller is the member themself (or, with
    /// <paramref name="orAdmin"/>, head office): what only a member may do for their own account.
    /// </summary>
    public static void RequireTheMember(this ClaimsPrincipal user, string memberId, string refusal, bool orAdmin = false)
    {
        if (!user.IsTheMember(memberId) && !(orAdmin && user.IsAdmin()))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, refusal, 403);
        }
    }

    /// <summary>The store an action is booked to: the one given, or the caller's only store.</summary>
    public static string ActingStore(this Rules rules, ClaimsPrincipal user, string? storeId)
    {
        if (storeId is not null)
        {
            rules.StoreId("storeId", storeId);
            return storeId;
        }
        var stores = user.Stores();
        if (stores.Count == 1)
        {
            return stores[0];
        }
        rules.Add("storeId", "is required when the credential is not for exactly one store");
        return "";
    }
}

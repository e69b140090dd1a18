using Microsoft.AspNetCore.Authorization;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Who may call what, by role. Store scope is checked per request with <see cref="StoreScope"/>.</summary>
public static class Policies
{
    /// <summary>Head office only.</summary>
    public const string Admin = "admin";
    /// <summary>Store managers and head office.</summary>
    public const string Staff = "staff";
    /// <summary>Anything that serves a checkout: lanes, gateways, managers, head office.</summary>
    public const string Checkout = "checkout";
    /// <summary>Any signed-in principal, members included (handlers narrow it further).</summary>
    public const string Anyone = "anyone";

    public static AuthorizationBuilder AddLoyaltyPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Manager))
        .AddPolicy(Checkout, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Lane, Roles.Gateway))
        .AddPolicy(Anyone, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Lane, Roles.Gateway, Roles.Member));
}

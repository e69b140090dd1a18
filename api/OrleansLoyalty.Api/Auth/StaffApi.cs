using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Head office's staff accounts: create, list, change roles and stores, disable and enable, reset a password. Every
/// change but creation ends the account's tokens at once (docs/security.md, "Revoking access"): a token carries the
/// roles and stores it was issued with, so a manager moved to another store must sign in again to act there.
/// </summary>
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Auth").RequireAuthorization(Policies.Admin);
        staff.MapPost("/", Create).WithName("CreateStaff").WithSummary("Create a staff account (admin or manager) with its stores")
            .Audited(AuditActions.StaffCreated, (c, _) => "staff/" + c.Argument<CreateStaffRequest>().Username);
        staff.MapGet("/", List).WithName("ListStaff").WithSummary("Every staff account, disabled ones included");
        staff.MapPatch("/{username}", Update).WithName("UpdateStaff").WithSummary("Change an account's roles and stores; its tokens stop working")
            .Audited(AuditActions.StaffUpdated, "staff/{username}");
        staff.MapPost("/{username}/disable", Disable).WithName("DisableStaff").WithSummary("Disable an account: no sign-in, its tokens stop working")
            .Audited(AuditActions.StaffDisabled, "staff/{username}");
        staff.MapPost("/{username}/enable", Enable).WithName("EnableStaff").WithSummary("Let a disabled account sign in again")
            .Audited(AuditActions.StaffEnabled, "staff/{username}");
        staff.MapPut("/{username}/password", ResetPassword).WithName("ResetStaffPassword").WithSummary("Set a new password for an account; its tokens stop working")
            .Audited(AuditActions.StaffPasswordReset, "staff/{username}");
        return api;
    }

    public sealed record CreateStaffRequest(string? Username, string? Password, string[]? Roles, string[]? StoreIds);

    public sealed record StaffCreated(string Username, IReadOnlyList<string> Roles, IReadOnlyList<string> StoreIds);

    public sealed record UpdateStaffRequest(string[]? Roles, string[]? StoreIds);

    public sealed record ResetPasswordRequest(string? Password);

    private static async Task<Created<StaffCreated>> Create(CreateStaffRequest request, CredentialStore store, PasswordHasher hasher, CancellationToken ct)
    {
        var rules = new Rules().Text("username", request.Username, 64);
        StaffRules.Password(rules, "password", request.Password);
        StaffRules.RolesAndStores(rules, request.Roles, request.StoreIds);
        rules.ThrowIfAny();
        var account = new StaffAccount(request.Username!, hasher.Hash(request.Password!), request.Roles!.Distinct().ToArray(), (request.StoreIds ?? []).Distinct().ToArray());
        if (!await store.TryAddStaff(account, ct))
        {
            throw new LoyaltyException(ErrorCodes.StaffExists, $"A staff account named '{account.Username}' already exists.");
        }
        return TypedResults.Created($"/api/v1/staff/{account.Username}", new StaffCreated(account.Username, account.Roles, account.StoreIds));
    }

    private static async Task<Ok<IReadOnlyList<StaffView>>> List(StaffDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.List(ct));

    private static async Task<Ok<StaffView>> Update(string username, UpdateStaffRequest request, StaffDirectory directory,
        TokenRevocationStore revocations, CancellationToken ct)
    {
        var rules = new Rules().Text("username", username, 64);
        StaffRules.RolesAndStores(rules, request.Roles, request.StoreIds);
        rules.ThrowIfAny();
        await directory.Update(username, request.Roles!.Distinct().ToArray(), (request.StoreIds ?? []).Distinct().ToArray(), ct);
        await revocations.Revoke(TokenSubjects.Staff(username), AuditActions.StaffUpdated, ct);
        return TypedResults.Ok(await directory.Get(username, ct));
    }

    private static async Task<Ok<StaffView>> Disable(string username, ClaimsPrincipal user, StaffDirectory directory,
        TokenRevocationStore revocations, CancellationToken ct)
    {
        new Rules().Text("username", username, 64).ThrowIfAny();
        if (username == user.Subject())
        {
            throw new LoyaltyException(ErrorCodes.StaffSelf, "You cannot disable your own account: ask another administrator.", 409);
        }
        await directory.SetDisabled(username, disabled: true, ct);
        await revocations.Revoke(TokenSubjects.Staff(username), AuditActions.StaffDisabled, ct);
        return TypedResults.Ok(await directory.Get(username, ct));
    }

    private static async Task<Ok<StaffView>> Enable(string username, StaffDirectory directory, CancellationToken ct)
    {
        new Rules().Text("username", username, 64).ThrowIfAny();
        await directory.SetDisabled(username, disabled: false, ct);
        return TypedResults.Ok(await directory.Get(username, ct));
    }

    private static async Task<NoContent> ResetPassword(string username, ResetPasswordRequest request, StaffDirectory directory, PasswordHasher hasher,
        TokenRevocationStore revocations, CancellationToken ct)
    {
        var rules = new Rules().Text("username", username, 64);
        StaffRules.Password(rules, "password", request.Password);
        rules.ThrowIfAny();
        if (!await directory.SetPassword(username, hasher.Hash(request.Password!), ct))
        {
            throw new LoyaltyException(ErrorCodes.StaffNotFound, $"No staff account '{username}'.", 404);
        }
        await revocations.Revoke(TokenSubjects.Staff(username), AuditActions.StaffPasswordReset, ct);
        return TypedResults.NoContent();
    }
}

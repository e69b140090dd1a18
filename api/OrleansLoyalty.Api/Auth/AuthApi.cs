using System.Security.Claims;
using OrleansLoyalty.Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Tokens for staff and devices, and a staff member changing their own password.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .WithName("IssueToken").WithSummary("Exchange staff credentials or a device's client credentials for a bearer token").WithTags("Auth");
        api.MapPost("/auth/password", ChangeOwnPassword)
            .RequireAuthorization(Policies.Staff)
            .WithName("ChangeOwnPassword").WithSummary("A staff member changes their own password; their other tokens stop working, the answer is a new one").WithTags("Auth")
            .Audited(AuditActions.StaffPasswordChanged, (c, _) => "staff/" + c.HttpContext.User.Subject());
        return api;
    }

    public sealed record TokenRequest(string? Username, string? Password, string? ClientId, string? ClientSecret);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<Ok<TokenResponse>> IssueToken(TokenRequest request, CredentialStore store, PasswordHasher hasher, TokenService tokens, AuditTrail audit, CancellationToken ct)
    {
        if (request.ClientId is not null)
        {
            new Rules().Text("clientId", request.ClientId, 128).Text("clientSecret", request.ClientSecret, 256).ThrowIfAny();
            var device = await store.FindDevice(request.ClientId, ct);
            if (device is null || !DeviceSecrets.Verify(request.ClientSecret!, device.SecretHash))
            {
                await audit.Record(AuditActor.Anonymous, AuditActions.SignInFailed, "device/" + request.ClientId);
                throw InvalidCredentials();
            }
            // Devices ask for a token every time they start and whenever one expires: routine, not recorded.
            return TypedResults.Ok(tokens.Issue(device.ClientId, [device.Role], [device.StoreId], device: true));
        }
        new Rules().Text("username", request.Username, 64).Text("password", request.Password, 256).ThrowIfAny();
        var staff = await store.FindStaff(request.Username!, ct);
        if (staff is null || !hasher.Verify(request.Password!, staff.PasswordHash))
        {
            await audit.Record(AuditActor.Anonymous, AuditActions.SignInFailed, "staff/" + request.Username);
            throw InvalidCredentials();
        }
        await audit.Record("staff:" + staff.Username, AuditActions.StaffSignedIn, "staff/" + staff.Username);
        return TypedResults.Ok(tokens.Issue(staff.Username, staff.Roles, staff.StoreIds, device: false));
    }

    private static async Task<Ok<TokenResponse>> ChangeOwnPassword(ChangePasswordRequest request, ClaimsPrincipal user, CredentialStore store,
        StaffDirectory directory, PasswordHasher hasher, TokenService tokens, TokenRevocationStore revocations, CancellationToken ct)
    {
        var rules = new Rules().Text("currentPassword", request.CurrentPassword, 256);
        StaffRules.Password(rules, "newPassword", request.NewPassword);
        rules.ThrowIfAny();
        var staff = await store.FindStaff(user.Subject(), ct) ?? throw InvalidCredentials();
        if (!hasher.Verify(request.CurrentPassword!, staff.PasswordHash))
        {
            throw new LoyaltyException(ErrorCodes.AuthWrongPassword, "The current password is wrong.", 422);
        }
        await directory.SetPassword(staff.Username, hasher.Hash(request.NewPassword!), ct);
        // A password changed because it leaked must end the sessions opened with it, this one included.
        await revocations.Revoke(TokenSubjects.Staff(staff.Username), AuditActions.StaffPasswordChanged, ct);
        return TypedResults.Ok(tokens.Issue(staff.Username, staff.Roles, staff.StoreIds, device: false));
    }

    private static LoyaltyException InvalidCredentials() =>
        new(ErrorCodes.AuthInvalidCredentials, "Unknown user or wrong password.", 401);
}

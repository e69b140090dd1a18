using OrleansLoyalty.Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Token issue for staff and devices, and the admin's staff and device management.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .WithName("IssueToken").WithSummary("Exchange staff credentials or a device's client credentials for a bearer token").WithTags("Auth");
        api.MapPost("/staff", CreateStaff)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateStaff").WithSummary("Create a staff account (admin or manager) with its stores").WithTags("Auth")
            .Audited(AuditActions.StaffCreated, (c, _) => "staff/" + c.Argument<CreateStaffRequest>().Username);
        api.MapPost("/stores/{storeId}/devices", CreateDevice)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateDevice").WithSummary("Create credentials for a lane or gateway of a store; the secret is shown once").WithTags("Auth")
            .Audited(AuditActions.DeviceCredentialsIssued, (c, _) => $"device/{c.HttpContext.Request.RouteValues["storeId"]}/{c.Argument<CreateDeviceRequest>().DeviceId}");
        return api;
    }

    public sealed record TokenRequest(string? Username, string? Password, string? ClientId, string? ClientSecret);

    public sealed record CreateStaffRequest(string? Username, string? Password, string[]? Roles, string[]? StoreIds);

    public sealed record StaffCreated(string Username, IReadOnlyList<string> Roles, IReadOnlyList<string> StoreIds);

    public sealed record CreateDeviceRequest(string? DeviceId, string? Role);

    public sealed record DeviceCreated(string ClientId, string ClientSecret, string StoreId, string DeviceId, string Role);

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

    private static async Task<Created<StaffCreated>> CreateStaff(CreateStaffRequest request, CredentialStore store, PasswordHasher hasher, CancellationToken ct)
    {
        var rules = new Rules().Text("username", request.Username, 64).Text("password", request.Password, 256);
        if (request.Password is { Length: < 10 })
        {
            rules.Add("password", "must be at least 10 characters");
        }
        if (request.Roles is not { Length: > 0 } || request.Roles.Any(r => !Roles.Staff.Contains(r)))
        {
            rules.Add("roles", "must name one or more of: admin, manager");
        }
        foreach (var (storeId, i) in (request.StoreIds ?? []).Select((s, i) => (s, i)))
        {
            rules.StoreId($"storeIds[{i}]", storeId);
        }
        if (request.Roles?.Contains(Roles.Manager) == true && request.Roles.Contains(Roles.Admin) == false && request.StoreIds is not { Length: > 0 })
        {
            rules.Add("storeIds", "a manager needs at least one store");
        }
        rules.ThrowIfAny();
        var account = new StaffAccount(request.Username!, hasher.Hash(request.Password!), request.Roles!.Distinct().ToArray(), (request.StoreIds ?? []).Distinct().ToArray());
        if (!await store.TryAddStaff(account, ct))
        {
            throw new LoyaltyException(ErrorCodes.StaffExists, $"A staff account named '{account.Username}' already exists.");
        }
        return TypedResults.Created($"/api/v1/staff/{account.Username}", new StaffCreated(account.Username, account.Roles, account.StoreIds));
    }

    private static async Task<Created<DeviceCreated>> CreateDevice(string storeId, CreateDeviceRequest request, CredentialStore store, CancellationToken ct)
    {
        new Rules().StoreId("storeId", storeId).StoreId("deviceId", request.DeviceId)
            .OneOf("role", request.Role, [Roles.Lane, Roles.Gateway], required: true).ThrowIfAny();
        var secret = DeviceSecrets.NewSecret();
        var device = new DeviceCredential(DeviceSecrets.NewClientId(storeId, request.DeviceId!), DeviceSecrets.Hash(secret), storeId, request.DeviceId!, request.Role!);
        await store.SaveDevice(device, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/devices/{device.DeviceId}",
            new DeviceCreated(device.ClientId, secret, storeId, device.DeviceId, device.Role));
    }

    private static LoyaltyException InvalidCredentials() =>
        new(ErrorCodes.AuthInvalidCredentials, "Unknown user or wrong password.", 401);

}

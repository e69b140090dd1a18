using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// A store's lane and gateway credentials: issue (the secret is shown once), list, revoke. A device issued new
/// credentials or revoked stops working at once: the tokens of its old client id are revoked with it. Head office, or a
/// manager of the store: a store replacing a broken till or its edge box on a Sunday does not wait for head office.
/// </summary>
public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/stores/{storeId}/devices").WithTags("Auth").RequireAuthorization(Policies.Staff);
        devices.MapPost("/", Create).WithName("CreateDevice").WithSummary("Create credentials for a lane or gateway of a store; the secret is shown once")
            .Audited(AuditActions.DeviceCredentialsIssued, (c, _) => $"device/{c.HttpContext.Request.RouteValues["storeId"]}/{c.Argument<CreateDeviceRequest>().DeviceId}");
        devices.MapGet("/", List).WithName("ListDevices").WithSummary("The store's lanes and gateways, revoked ones included (never a secret)");
        devices.MapPost("/{deviceId}/revoke", Revoke).WithName("RevokeDevice").WithSummary("The device can no longer sign in and its tokens stop working")
            .Audited(AuditActions.DeviceRevoked, "device/{storeId}/{deviceId}");
        return api;
    }

    public sealed record CreateDeviceRequest(string? DeviceId, string? Role);

    public sealed record DeviceCreated(string ClientId, string ClientSecret, string StoreId, string DeviceId, string Role);

    private static async Task<Created<DeviceCreated>> Create(string storeId, CreateDeviceRequest request, ClaimsPrincipal user, CredentialStore store,
        DeviceDirectory directory, TokenRevocationStore revocations, CancellationToken ct)
    {
        new Rules().StoreId("storeId", storeId).StoreId("deviceId", request.DeviceId)
            .OneOf("role", request.Role, [Roles.Lane, Roles.Gateway], required: true).ThrowIfAny();
        user.RequireStore(storeId);
        var previous = await directory.ClientIdOf(storeId, request.DeviceId!, ct);
        var secret = DeviceSecrets.NewSecret();
        var device = new DeviceCredential(DeviceSecrets.NewClientId(storeId, request.DeviceId!), DeviceSecrets.Hash(secret), storeId, request.DeviceId!, request.Role!);
        await store.SaveDevice(device, ct);
        if (previous is not null)
        {
            // New credentials for a device replace the old ones, which may be on a box that was stolen.
            await revocations.Revoke(TokenSubjects.Device(previous), AuditActions.DeviceCredentialsIssued, ct);
        }
        return TypedResults.Created($"/api/v1/stores/{storeId}/devices/{device.DeviceId}",
            new DeviceCreated(device.ClientId, secret, storeId, device.DeviceId, device.Role));
    }

    private static async Task<Ok<IReadOnlyList<DeviceView>>> List(string storeId, ClaimsPrincipal user, DeviceDirectory directory, CancellationToken ct)
    {
        new Rules().StoreId("storeId", storeId).ThrowIfAny();
        user.RequireStore(storeId);
        return TypedResults.Ok(await directory.List(storeId, ct));
    }

    private static async Task<Ok<IReadOnlyList<DeviceView>>> Revoke(string storeId, string deviceId, ClaimsPrincipal user, DeviceDirectory directory,
        TokenRevocationStore revocations, CancellationToken ct)
    {
        new Rules().StoreId("storeId", storeId).StoreId("deviceId", deviceId).ThrowIfAny();
        user.RequireStore(storeId);
        var clientId = await directory.Disable(storeId, deviceId, ct)
            ?? throw new LoyaltyException(ErrorCodes.DeviceNotFound, $"Store {storeId} has no device {deviceId}.", 404);
        await revocations.Revoke(TokenSubjects.Device(clientId), AuditActions.DeviceRevoked, ct);
        return TypedResults.Ok(await directory.List(storeId, ct));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Audit;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// A member's purchases and returns with their receipts (电子小票): the member in the app, head office, and the
/// member's own store at the service desk (docs/sign-in.md, "Purchases").
/// </summary>
public static class MemberPurchasesApi
{
    public static RouteGroupBuilder MapMemberPurchasesApi(this RouteGroupBuilder api)
    {
        var purchases = api.MapGroup("/members/{memberId}/purchases").WithTags("Members");
        purchases.MapGet("/", List)
            .WithName("GetMemberPurchases").WithSummary("The member's sales and returns, newest first, paged by cursor")
            .AuditedRead(AuditActions.MemberPurchasesViewed, "member/{memberId}");
        purchases.MapGet("/{txnId}", Receipt)
            .WithName("GetMemberReceipt").WithSummary("One of the member's receipts, as it was printed")
            .AuditedRead(AuditActions.MemberPurchasesViewed, "member/{memberId}");
        return api;
    }

    private static async Task<Ok<PurchasePage>> List(string memberId, string? before, int? limit, ClaimsPrincipal user, IGrainFactory grains,
        PurchaseReader purchases, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).PageCursor("before", before, out var cursor).PageSize("limit", limit, 100).ThrowIfAny();
        await RequireMaySee(memberId, user, grains);
        return TypedResults.Ok(await purchases.ListAsync(memberId, cursor, limit ?? 20, ct));
    }

    private static async Task<IResult> Receipt(string memberId, string txnId, ClaimsPrincipal user, IGrainFactory grains,
        PurchaseReader purchases, CancellationToken ct)
    {
        new Rules().Text("memberId", memberId, 32).CallerId("txnId", txnId).ThrowIfAny();
        await RequireMaySee(memberId, user, grains);
        var receipt = await purchases.ReceiptAsync(memberId, txnId, ct)
            ?? throw new LoyaltyException(ErrorCodes.TxnNotFound, $"The member has no purchase {txnId}.", 404);
        // Declared as object, so it is written as its own type with the api's conventions, as the lane's answer was.
        return TypedResults.Json<object>(receipt);
    }

    private static async Task RequireMaySee(string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        user.RequireSelfIfMember(memberId);
        var member = await grains.GetGrain<IMemberGrain>(memberId).Get()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        if (!MemberViews.MaySeeInFull(user, member))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Only the member, head office or the member's store may read their purchases.", 403);
        }
    }
}

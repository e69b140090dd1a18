using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Json;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Api.Checkout;

/// <summary>The lane's calls: quote a basket, commit it, read a receipt again.</summary>
public static class CheckoutApi
{
    public static RouteGroupBuilder MapCheckoutApi(this RouteGroupBuilder api)
    {
        var checkout = api.MapGroup("/checkout").WithTags("Checkout").RequireAuthorization(Policies.Checkout);
        checkout.MapPost("/quote", Quote).WithName("QuoteBasket")
            .WithSummary("Price a basket for a member or an anonymous shopper; changes nothing");
        checkout.MapPost("/commit", Commit).WithName("CommitCheckout")
            .WithSummary("Commit a purchase: durable before it answers, idempotent by txnId");
        checkout.MapGet("/transactions/{txnId}", GetTransaction).WithName("GetTransaction")
            .WithSummary("The receipt of a committed transaction");
        checkout.MapPost("/returns", Return).WithName("ReturnLines")
            .WithSummary("Return lines of a purchase: money, points and coupons come back per the programme; idempotent by txnId");
        checkout.MapPost("/transactions/{originalTxnId}/void", Void).WithName("VoidTransaction")
            .WithSummary("Void a purchase: everything not yet returned comes back; idempotent by txnId")
            .Audited(AuditActions.CheckoutVoided, "txn/{originalTxnId}");
        return api;
    }

    // Priced in this process (the api co-hosts a silo): see Quoter for why there is no hop through a pricing grain.
    private static async Task<Utf8JsonOk<Quote>> Quote(CheckoutBody body, ClaimsPrincipal user, Quoter quoter)
    {
        var rules = new Rules();
        var basket = CheckoutValidation.Basket(body, rules);
        rules.ThrowIfAny();
        user.RequireStore(basket.StoreId);
        return new(await quoter.Quote(basket), QuoteJson.Write);
    }

    // Committed in this process too: see Committer for which sales need their checkout grain and which do not.
    private static async Task<Ok<Receipt>> Commit(CheckoutBody body, ClaimsPrincipal user, Committer committer)
    {
        var rules = new Rules().CallerId("txnId", body.TxnId);
        var basket = CheckoutValidation.Basket(body, rules);
        var tenders = CheckoutValidation.Tenders(body, rules);
        rules.ThrowIfAny();
        user.RequireStore(basket.StoreId);
        var receipt = await committer.Commit(new CommitRequest(body.TxnId!, basket, tenders, body.PaymentPin));
        return TypedResults.Ok(receipt);
    }

    private static async Task<Ok<ReturnReceipt>> Return(ReturnBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CallerId("txnId", body.TxnId).CallerId("originalTxnId", body.OriginalTxnId);
        var storeId = rules.ActingStore(user, body.StoreId);
        rules.StoreId("laneId", body.LaneId ?? "service-desk");
        if (body.Lines is not { Length: > 0 and <= 1000 })
        {
            rules.Add("lines", "give 1 to 1000 lines");
        }
        foreach (var (line, i) in (body.Lines ?? []).Select((l, i) => (l, i)))
        {
            rules.CallerId($"lines[{i}].lineId", line?.LineId);
            if (line?.Qty is not (>= 1 and <= 100_000))
            {
                rules.Add($"lines[{i}].qty", "must be from 1 to 100000");
            }
        }
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        var request = new ReturnRequest(body.TxnId!, body.OriginalTxnId!, storeId, body.LaneId ?? "service-desk",
            [.. body.Lines!.Select(l => new Domain.ReturnLine(l.LineId!, l.Qty!.Value))]);
        return TypedResults.Ok(await grains.GetGrain<ICheckoutGrain>(body.OriginalTxnId!).Return(request));
    }

    private static async Task<Ok<ReturnReceipt>> Void(string originalTxnId, VoidBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CallerId("txnId", body.TxnId).CallerId("originalTxnId", originalTxnId);
        var storeId = rules.ActingStore(user, body.StoreId);
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        var purchase = await grains.GetGrain<ICheckoutGrain>(originalTxnId).GetReceipt()
            ?? throw new LoyaltyException(ErrorCodes.TxnNotFound, $"No committed purchase {originalTxnId}.", 404);
        // A void returns every unit of every line; lines already returned make it exceed, which is refused.
        var request = new ReturnRequest(body.TxnId!, originalTxnId, storeId, body.LaneId ?? purchase.LaneId,
            [.. purchase.Lines.Select(l => new Domain.ReturnLine(l.LineId, l.Qty))]);
        return TypedResults.Ok(await grains.GetGrain<ICheckoutGrain>(originalTxnId).Return(request));
    }

    private static async Task<Ok<Receipt>> GetTransaction(string txnId, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().CallerId("txnId", txnId).ThrowIfAny();
        var receipt = await grains.GetGrain<ICheckoutGrain>(txnId).GetReceipt()
            ?? throw new LoyaltyException(ErrorCodes.TxnNotFound, $"No committed transaction {txnId}.", 404);
        user.RequireStore(receipt.StoreId);
        return TypedResults.Ok(receipt);
    }
}

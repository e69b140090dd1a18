using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;

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
        return api;
    }

    private static async Task<Ok<Quote>> Quote(CheckoutBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules();
        var basket = CheckoutValidation.Basket(body, rules);
        rules.ThrowIfAny();
        user.RequireStore(basket.StoreId);
        return TypedResults.Ok(await grains.GetGrain<IPricingGrain>(0).Quote(basket));
    }

    private static async Task<Ok<Receipt>> Commit(CheckoutBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CallerId("txnId", body.TxnId);
        var basket = CheckoutValidation.Basket(body, rules);
        var tenders = CheckoutValidation.Tenders(body, rules);
        rules.ThrowIfAny();
        user.RequireStore(basket.StoreId);
        return TypedResults.Ok(await grains.GetGrain<ICheckoutGrain>(body.TxnId!).Commit(new CommitRequest(body.TxnId!, basket, tenders)));
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

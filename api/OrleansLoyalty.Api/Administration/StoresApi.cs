using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>Stores and their catalogs: head office, or a manager of the store.</summary>
public static class StoresApi
{
    public static RouteGroupBuilder MapStoresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stores", List).RequireAuthorization(Policies.Staff).WithTags("Stores")
            .WithName("ListStores").WithSummary("The stores set up with PUT /stores/{storeId}: every one for head office, their own for a manager");
        api.MapGet("/store-directory", Directory).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).WithTags("Stores")
            .WithName("StoreDirectory").WithSummary("Every store's id, name and region, for anyone: the home-store picker of registration");
        var stores = api.MapGroup("/stores/{storeId}").WithTags("Stores");
        stores.MapPut("/", PutStore).RequireAuthorization(Policies.Staff)
            .WithName("PutStore").WithSummary("Create or update a store: name, IANA time zone, region")
            .Audited(AuditActions.StoreSaved, "store/{storeId}");
        stores.MapPut("/products", PutProducts).RequireAuthorization(Policies.Staff)
            .WithName("PutProducts").WithSummary("Bulk upsert of a store's catalog (tens of thousands of SKUs per call)")
            .Audited(AuditActions.CatalogUploaded, "store/{storeId}/products");
        stores.MapGet("/products", GetProduct).RequireAuthorization(Policies.Checkout)
            .WithName("GetProduct").WithSummary("Look a product up by sku or barcode");
        return api;
    }

    private static async Task<Ok<List<StoreView>>> List(ClaimsPrincipal user, RulesReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.StoresAsync(ct)).Where(s => user.MayActFor(s.StoreId)).OrderBy(s => s.StoreId, StringComparer.Ordinal)
            .Select(s => new StoreView(s.StoreId, s.Name, s.TimeZone, s.Region)).ToList());

    public sealed record StoreDirectoryEntry(string StoreId, string Name, string? Region);

    private static async Task<Ok<List<StoreDirectoryEntry>>> Directory(HttpContext http, StoreDirectory directory, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok((await directory.AllAsync(ct)).OrderBy(s => s.StoreId, StringComparer.Ordinal)
            .Select(s => new StoreDirectoryEntry(s.StoreId, s.Name, s.Region)).ToList());
    }

    private static async Task<Ok<StoreView>> PutStore(string storeId, PutStoreRequest request, ClaimsPrincipal user, RulesWriter writer,
        StoreDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var rules = new Rules().StoreId("storeId", storeId).Text("name", request.Name, 100).Text("region", request.Region, 50, required: false);
        if (rules.Required("timeZone", request.TimeZone) && !IsIanaZone(request.TimeZone!))
        {
            rules.Add("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        }
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        var store = new StoreSettings(storeId, request.Name!.Trim(), request.TimeZone!, request.Region);
        await writer.UpsertStoreAsync(store, clock.GetUtcNow(), ct);
        directory.Forget();
        return TypedResults.Ok(new StoreView(store.StoreId, store.Name, store.TimeZone, store.Region));
    }

    private static async Task<Ok<ProductsUpserted>> PutProducts(string storeId, ProductRequest?[]? products, ClaimsPrincipal user,
        RulesWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var rules = new Rules().StoreId("storeId", storeId);
        var valid = ProductValidation.Validate(products, rules);
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        var count = await writer.UpsertProductsAsync(storeId, valid, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ProductsUpserted(storeId, count));
    }

    private static async Task<Ok<ProductView>> GetProduct(string storeId, string? sku, string? barcode, ClaimsPrincipal user,
        RulesReader reader, CancellationToken ct)
    {
        var rules = new Rules().StoreId("storeId", storeId);
        if ((sku is null) == (barcode is null))
        {
            rules.Add("sku", "give either sku or barcode");
        }
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        var found = await reader.FindProductsAsync(storeId, sku, barcode, ct);
        var p = found.Count > 0
            ? found[0]
            : throw new LoyaltyException(AdminErrorCodes.ProductNotFound, $"Store {storeId} has no product with {(sku is null ? "barcode " + barcode : "sku " + sku)}.", 404);
        return TypedResults.Ok(new ProductView(p.Sku, p.Barcode, p.Name, p.CategoryPath, p.Price, p.SoldByWeight));
    }

    // Windows ids (e.g. "China Standard Time") resolve too on some hosts; the contract asks for IANA names.
    private static bool IsIanaZone(string id) =>
        (id.Contains('/', StringComparison.Ordinal) || id == "UTC") && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

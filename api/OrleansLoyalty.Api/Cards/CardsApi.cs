using OrleansLoyalty.Api.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Api.Cards;

/// <summary>Cards and their stored value: bind, look up, report lost, replace, top up, refund.</summary>
public static class CardsApi
{
    public static readonly string[] Media = ["ic", "magstripe", "id", "virtual"];
    public static readonly string[] TopUpTenders = ["cash", "bankcard", "wechatpay", "alipay"];

    public static RouteGroupBuilder MapCardsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/members/{memberId}/cards", Bind).RequireAuthorization(Policies.Checkout).WithTags("Cards")
            .WithName("BindCard").WithSummary("Bind a card (IC, magstripe, id, virtual) to a member")
            .Audited(AuditActions.CardBound, (c, _) => "card/" + c.Argument<BindCardRequest>().CardNo);
        api.MapGet("/members/{memberId}/cards", ListForMember).WithTags("Cards")
            .WithName("GetMemberCards").WithSummary("The member's cards with status, stored value and expiry (the member, head office, the member's store, lanes)")
            .AuditedRead(AuditActions.MemberCardsViewed, "member/{memberId}");
        var cards = api.MapGroup("/cards/{cardNo}").WithTags("Cards");
        cards.MapGet("/", Get).WithName("GetCard").WithSummary("Status, member, stored-value balance, expiry");
        cards.MapPost("/lost", ReportLost).WithName("ReportCardLost").WithSummary("Report lost: the card stops working at once; its balance is kept")
            .Audited(AuditActions.CardReportedLost, "card/{cardNo}");
        cards.MapPost("/found", ReportFound).WithName("ReportCardFound")
            .WithSummary("解挂: a card reported lost works again (the member, or staff and lanes of a store)")
            .Audited(AuditActions.CardReportedFound, "card/{cardNo}");
        cards.MapPost("/replace", Replace).RequireAuthorization(Policies.Checkout)
            .WithName("ReplaceCard").WithSummary("Move balance and member to a new card")
            .Audited(AuditActions.CardReplaced, "card/{cardNo}");
        cards.MapPost("/top-ups", TopUp).RequireAuthorization(Policies.Checkout)
            .WithName("TopUpCard").WithSummary("Add stored value; idempotent by txnId");
        cards.MapPost("/refunds", Refund).RequireAuthorization(Policies.Staff)
            .WithName("RefundCard").WithSummary("Pay stored value back out (staff); idempotent by txnId")
            .Audited(AuditActions.CardRefunded, "card/{cardNo}");
        return api;
    }

    private static async Task<Created<CardView>> Bind(string memberId, BindCardRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CardNo("cardNo", request.CardNo).OneOf("medium", request.Medium, Media, required: true);
        var storeId = rules.ActingStore(user, request.StoreId);
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        if (await grains.GetGrain<IMemberGrain>(memberId).Get() is null)
        {
            throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        }
        var card = await grains.GetGrain<ICardGrain>(request.CardNo!).Bind(memberId, request.Medium!, storeId);
        return TypedResults.Created($"/api/v1/cards/{card.CardNo}", View(card));
    }

    private static async Task<Ok<CardView>> Get(string cardNo, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(View(await Load(cardNo, user, grains)));

    private static async Task<Ok<CardView>> ReportLost(string cardNo, ReportLostRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var card = await Load(cardNo, user, grains);
        var storeId = user.IsMemberOnly() ? "self-service" : RequireActingStore(user, request?.StoreId);
        return TypedResults.Ok(View(await grains.GetGrain<ICardGrain>(card.CardNo).ReportLost(storeId)));
    }

    private static async Task<Ok<CardView>> ReportFound(string cardNo, ReportLostRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var card = await Load(cardNo, user, grains);
        var storeId = user.IsMemberOnly() ? "self-service" : RequireActingStore(user, request?.StoreId);
        return TypedResults.Ok(View(await grains.GetGrain<ICardGrain>(card.CardNo).ReportFound(storeId)));
    }

    private static async Task<Ok<CardView>> Replace(string cardNo, ReplaceCardRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CardNo("newCardNo", request.NewCardNo);
        var storeId = rules.ActingStore(user, request.StoreId);
        if (request.NewCardNo == cardNo)
        {
            rules.Add("newCardNo", "must differ from the card being replaced");
        }
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        await Load(cardNo, user, grains);
        await grains.GetGrain<ICardGrain>(cardNo).Replace(request.NewCardNo!, storeId);
        return TypedResults.Ok(View(await grains.GetGrain<ICardGrain>(request.NewCardNo!).Get()));
    }

    private static async Task<Ok<CardView>> TopUp(string cardNo, TopUpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CallerId("txnId", request.TxnId).Amount("amount", request.Amount)
            .OneOf("tender", request.Tender, TopUpTenders, required: true);
        var storeId = rules.ActingStore(user, request.StoreId);
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        await Load(cardNo, user, grains);
        return TypedResults.Ok(View(await grains.GetGrain<ICardGrain>(cardNo).TopUp(request.TxnId!, request.Amount!.Value, request.Tender!, storeId)));
    }

    private static async Task<Ok<CardView>> Refund(string cardNo, RefundRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rules = new Rules().CallerId("txnId", request.TxnId).Amount("amount", request.Amount);
        var storeId = rules.ActingStore(user, request.StoreId);
        rules.ThrowIfAny();
        user.RequireStore(storeId);
        await Load(cardNo, user, grains);
        return TypedResults.Ok(View(await grains.GetGrain<ICardGrain>(cardNo).Refund(request.TxnId!, request.Amount!.Value, storeId)));
    }

    private static string RequireActingStore(ClaimsPrincipal user, string? storeId)
    {
        var rules = new Rules();
        var store = rules.ActingStore(user, storeId);
        rules.ThrowIfAny();
        user.RequireStore(store);
        return store;
    }

    /// <summary>Every card the member holds or held (a lost or replaced card shows as such), in the order they were bound.</summary>
    private static async Task<Ok<CardView[]>> ListForMember(string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().Text("memberId", memberId, 32).ThrowIfAny();
        user.RequireSelfIfMember(memberId);
        var member = await grains.GetGrain<IMemberGrain>(memberId).Get()
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {memberId}.", 404);
        return TypedResults.Ok((await Task.WhenAll(member.CardNos.Select(c => grains.GetGrain<ICardGrain>(c).Get()))).Select(View).ToArray());
    }

    /// <summary>The card, if the caller may see it: staff and lanes any card, a member only their own.</summary>
    private static async Task<CardSnapshot> Load(string cardNo, ClaimsPrincipal user, IGrainFactory grains)
    {
        new Rules().CardNo("cardNo", cardNo).ThrowIfAny();
        var card = await grains.GetGrain<ICardGrain>(cardNo).Get();
        if (card.Status == CardStatus.Unbound)
        {
            throw new LoyaltyException(ErrorCodes.CardNotFound, $"No card {cardNo}.", 404);
        }
        if (user.IsMemberOnly() && card.MemberId != user.Subject())
        {
            throw new LoyaltyException(ErrorCodes.CardNotFound, $"No card {cardNo}.", 404);
        }
        return card;
    }

    internal static CardView View(CardSnapshot c) => new(c.CardNo, c.Status.ToString().ToLowerInvariant(), c.MemberId, c.Medium, c.Balance,
        c.ExpiresOn?.ToString("yyyy-MM-dd"), c.ReplacedBy);
}

using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>What a store does to get a test going: register shoppers, issue cards, build baskets.</summary>
public static class Shop
{
    public const string StoreId = "s001";
    public const string LaneId = "03";

    public static IMemberDirectoryGrain Directory(this IClusterClient client) => client.GetGrain<IMemberDirectoryGrain>(0);

    public static IMemberGrain Member(this IClusterClient client, string memberId) => client.GetGrain<IMemberGrain>(memberId);

    public static ICardGrain Card(this IClusterClient client, string cardNo) => client.GetGrain<ICardGrain>(cardNo);

    public static ICheckoutGrain Checkout(this IClusterClient client, string txnId) => client.GetGrain<ICheckoutGrain>(txnId);

    public static RegisterMember Registration(string phone, string name = "张三") =>
        new(new MemberProfile(phone, name, null, BirthdayCalendar.Gregorian, null, null, false), StoreId, "pos", null);

    public static async Task<MemberSnapshot> NewMember(this IClusterClient client) =>
        (await client.Directory().Register(Registration(TestIds.Phone()))).Member;

    /// <summary>A card bound to <paramref name="memberId"/> holding <paramref name="balance"/> fen.</summary>
    public static async Task<string> NewCard(this IClusterClient client, string memberId, long balance = 0)
    {
        var cardNo = TestIds.CardNo();
        await client.Card(cardNo).Bind(memberId, "ic", StoreId);
        if (balance > 0)
        {
            await client.Card(cardNo).TopUp(TestIds.TxnId(), balance, "cash", StoreId);
        }
        return cardNo;
    }

    public static MemberRef ById(string memberId) => new(null, memberId, null, null);

    public static MemberRef ByCard(string cardNo) => new(cardNo, null, null, null);

    /// <summary>A basket of ordinary groceries (earning, discountable), one line per price in fen, priced by the lane.</summary>
    public static CheckoutBasket Basket(MemberRef? member, params long[] linePrices) => Basket(member, [], linePrices);

    public static CheckoutBasket Basket(MemberRef? member, ImmutableArray<string> coupons, params long[] linePrices) =>
        new(StoreId, LaneId, member,
            [.. linePrices.Select((price, i) => new BasketLine($"L{i + 1}", $"SKU-{i + 1}", 1, UnitPrice: price, CategoryPath: ["食品", "粮油"]))],
            coupons, 0);

    public static Tender Cash(long amount) => new("cash", amount, null);

    public static Tender StoredValue(string cardNo, long amount) => new(TenderKinds.StoredValue, amount, cardNo);

    public static CommitRequest Commit(string txnId, CheckoutBasket basket, params Tender[] tenders) => new(txnId, basket, [.. tenders]);

    public static async Task<long> Points(this IClusterClient client, string memberId) =>
        (await client.Member(memberId).Get())!.PointsBalance;

    public static async Task<long> Balance(this IClusterClient client, string cardNo) =>
        (await client.Card(cardNo).Get()).Balance;
}

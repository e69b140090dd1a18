using System.Collections.Immutable;
using System.Globalization;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// One shopper's visit to a lane: who they are, what they scanned, the coupons and points they offered.
/// Immutable: an event builds the next session, which is kept only if the cluster accepts it.
/// </summary>
internal sealed record LaneSession(
    string SessionId,
    MemberRef? Member,
    ImmutableArray<BasketLine> Lines,
    ImmutableArray<string> Coupons,
    long RedeemPoints,
    int NextLineNumber)
{
    public static LaneSession Start(string sessionId) => new(sessionId, null, [], [], 0, 1);

    public bool IsEmpty => Lines.IsEmpty;

    public LaneSession WithMember(MemberRef member) => this with { Member = member };

    public LaneSession AddLine(string sku, int qty, int? weightGrams) => this with
    {
        Lines = Lines.Add(new BasketLine(NextLineNumber.ToString(CultureInfo.InvariantCulture), sku, qty, weightGrams)),
        NextLineNumber = NextLineNumber + 1,
    };

    public LaneSession RemoveLine(string lineId) => this with { Lines = Lines.RemoveAll(line => line.LineId == lineId) };

    public bool HasLine(string lineId) => Lines.Any(line => line.LineId == lineId);

    public bool HasCoupon(string code) => Coupons.Contains(code, StringComparer.OrdinalIgnoreCase);

    public LaneSession AddCoupon(string code) => this with { Coupons = Coupons.Add(code) };

    public CheckoutBasket ToBasket(string storeId, string laneId) => new(storeId, laneId, Member, Lines, Coupons, RedeemPoints);
}

using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>20-line baskets drawn from the catalog (a few weighed lines), deterministic per basket number.</summary>
public sealed class BasketFactory
{
    private readonly ImmutableArray<BasketLine>[] _lineSets;

    public BasketFactory(IReadOnlyList<Product> products, int distinctBaskets = 1_000)
    {
        var random = new Random(WorkloadShape.Seed + 2);
        _lineSets = new ImmutableArray<BasketLine>[distinctBaskets];
        for (var b = 0; b < distinctBaskets; b++)
        {
            var lines = ImmutableArray.CreateBuilder<BasketLine>(WorkloadShape.LinesPerBasket);
            var used = new HashSet<int>();
            while (lines.Count < WorkloadShape.LinesPerBasket)
            {
                var i = random.Next(products.Count);
                if (!used.Add(i))
                {
                    continue;
                }
                var p = products[i];
                lines.Add(p.SoldByWeight
                    ? new BasketLine($"l{lines.Count + 1}", p.Sku, 1, WeightGrams: random.Next(200, 1_500))
                    : new BasketLine($"l{lines.Count + 1}", p.Sku, random.Next(1, 4)));
            }
            _lineSets[b] = lines.MoveToImmutable();
        }
    }

    public int Count => _lineSets.Length;

    public ImmutableArray<BasketLine> Lines(int basket) => _lineSets[basket % _lineSets.Length];

    public CheckoutBasket Basket(int basket, BenchMember member) =>
        new(WorkloadShape.StoreId, "L01", new MemberRef(member.CardNo, null, null, null), Lines(basket),
            [member.CouponCode, WorkloadShape.PublicCouponCode], RedeemPoints: 100);
}

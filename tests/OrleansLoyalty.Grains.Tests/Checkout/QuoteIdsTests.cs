using System.Collections.Concurrent;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Grains.Tests.Checkout;

public sealed class QuoteIdsTests
{
    [Fact]
    public void Quote_ids_taken_on_many_threads_at_once_are_all_different_and_32_hex_digits()
    {
        var ids = new ConcurrentBag<string>();
        Parallel.For(0, 20_000, _ => ids.Add(QuoteIds.Next()));

        Assert.Equal(20_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }
}

namespace OrleansLoyalty.Domain.Money;

/// <summary>
/// Splits an integer amount over integer weights by the largest-remainder rule: every share is the floor
/// of its exact proportion, and the fen left over go one each to the largest remainders (ties: the
/// earlier index). The shares always sum to the amount exactly, and when the amount does not exceed
/// the sum of the weights no share exceeds its weight.
/// </summary>
public static class ProportionalAllocator
{
    public static long[] Allocate(long amount, ReadOnlySpan<long> weights)
    {
        var shares = new long[weights.Length];
        Allocate(amount, weights, shares);
        return shares;
    }

    public static void Allocate(long amount, ReadOnlySpan<long> weights, Span<long> shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (shares.Length != weights.Length)
        {
            throw new ArgumentException("shares and weights must have the same length", nameof(shares));
        }
        Int128 totalWeight = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            totalWeight += weight;
        }
        shares.Clear();
        if (amount == 0)
        {
            return;
        }
        if (totalWeight == 0)
        {
            throw new ArgumentException("cannot allocate a positive amount over zero weights", nameof(weights));
        }

        var remainders = new Int128[weights.Length];
        long allocated = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)amount * weights[i];
            shares[i] = (long)(exact / totalWeight);
            remainders[i] = exact % totalWeight;
            allocated += shares[i];
        }
        // Fewer left-over units than lines with a non-zero remainder, so a simple selection is enough.
        for (var left = amount - allocated; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < remainders.Length; i++)
            {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = 0;
        }
    }
}

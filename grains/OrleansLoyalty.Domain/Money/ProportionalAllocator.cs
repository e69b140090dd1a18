using System.Numerics;

namespace OrleansLoyalty.Domain.Money;

/// <summary>
/// Splits an integer amount over integer weights by the largest-remainder rule: every share is the floor
/// of its exact proportion, and the fen left over go one each to the largest remainders (ties: the
/// earlier index). The shares always sum to the amount exactly, and when the amount does not exceed
/// the sum of the weights no share exceeds its weight.
/// </summary>
public static class ProportionalAllocator
{
    /// <summary>Up to this many weights keep their remainders on the stack.</summary>
    private const int StackWeights = 128;

    public static long[] Allocate(long amount, ReadOnlySpan<long> weights)
    {
        var shares = new long[weights.Length];
        Allocate(amount, weights, shares);
        return shares;
    }

    /// <param name="shares">Written, not read; must not overlap <paramref name="weights"/>.</param>
    public static void Allocate(long amount, ReadOnlySpan<long> weights, Span<long> shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (shares.Length != weights.Length)
        {
            throw new ArgumentException("shares and weights must have the same length", nameof(shares));
        }
        Int128 totalWeight = 0;
        long largestWeight = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            totalWeight += weight;
            largestWeight = Math.Max(largestWeight, weight);
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
        // amount × weight fits in a long for any real basket: the same arithmetic without Int128's slow division.
        // Only amounts and weights near 10^19 / each other take the 128-bit path; both give the same shares.
        if (totalWeight <= long.MaxValue && amount <= long.MaxValue / Math.Max(largestWeight, 1))
        {
            Span<long> remainders = weights.Length <= StackWeights ? stackalloc long[weights.Length] : new long[weights.Length];
            Distribute(amount, weights, (long)totalWeight, shares, remainders);
        }
        else
        {
            Distribute(amount, weights, totalWeight, shares, new Int128[weights.Length]);
        }
    }

    private static void Distribute<T>(long amount, ReadOnlySpan<long> weights, T totalWeight, Span<long> shares, Span<T> remainders)
        where T : IBinaryInteger<T>
    {
        long allocated = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0)
            {
                // Most lines are outside a campaign or coupon: share and remainder are 0 without a division.
                remainders[i] = T.Zero;
                continue;
            }
            var exact = T.CreateTruncating(amount) * T.CreateTruncating(weights[i]);
            var (share, remainder) = T.DivRem(exact, totalWeight);
            shares[i] = long.CreateTruncating(share);
            remainders[i] = remainder;
            allocated += shares[i];
        }
        // Fewer left-over units than lines with a non-zero remainder, so a simple selection is enough.
        for (var left = amount - allocated; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < remainders.Length; i++)
            {
                if (remainders[i] > T.Zero && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = T.Zero;
        }
    }
}

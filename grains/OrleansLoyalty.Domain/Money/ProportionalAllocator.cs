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
    /// <summary>Up to this many weights keep their working values on the stack.</summary>
    private const int StackWeights = 128;

    /// <summary>Index bits of a packed remainder key (see <see cref="GiveLeftoversBySorting"/>).</summary>
    private const int IndexBits = 10;

    private const long IndexMask = (1L << IndexBits) - 1;

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
            var left = Floors(amount, weights, (long)totalWeight, shares, remainders);
            // A remainder is below the total weight, so it leaves room for the index when the total is below 2^53.
            if (weights.Length <= 1 << IndexBits && totalWeight < 1L << (63 - IndexBits))
            {
                GiveLeftoversBySorting(left, remainders, shares);
            }
            else
            {
                GiveLeftoversByScanning(left, remainders, shares);
            }
        }
        else
        {
            var remainders = new Int128[weights.Length];
            GiveLeftoversByScanning(Floors(amount, weights, totalWeight, shares, remainders), remainders, shares);
        }
    }

    /// <summary>Every share's floor and remainder; returns the units the floors leave over.</summary>
    private static long Floors<T>(long amount, ReadOnlySpan<long> weights, T totalWeight, Span<long> shares, Span<T> remainders)
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
            var (share, remainder) = T.DivRem(T.CreateTruncating(amount) * T.CreateTruncating(weights[i]), totalWeight);
            shares[i] = long.CreateTruncating(share);
            remainders[i] = remainder;
            allocated += shares[i];
        }
        return amount - allocated;
    }

    /// <summary>
    /// One unit each to the <paramref name="left"/> largest remainders, ties to the earlier index: the rule itself,
    /// a pass over every remainder per unit. Fewer units are left than non-zero remainders, so one is always found.
    /// </summary>
    private static void GiveLeftoversByScanning<T>(long left, Span<T> remainders, Span<long> shares)
        where T : IBinaryInteger<T>
    {
        for (; left > 0; left--)
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

    /// <summary>
    /// The same choice as <see cref="GiveLeftoversByScanning"/> with one sort instead of a pass per unit (the pass
    /// mispredicts its way through every remainder ~10 times for a 20-line basket). Each non-zero remainder is packed
    /// with its index into one number that orders by remainder and, on a tie, puts the earlier index first.
    /// </summary>
    private static void GiveLeftoversBySorting(long left, Span<long> remainders, Span<long> shares)
    {
        if (left == 0)
        {
            return;
        }
        var count = 0;
        for (var i = 0; i < remainders.Length; i++)
        {
            if (remainders[i] > 0)
            {
                remainders[count++] = (remainders[i] << IndexBits) | (IndexMask - i);
            }
        }
        var keys = remainders[..count];
        keys.Sort();
        for (var k = 1; k <= left; k++)
        {
            shares[(int)(IndexMask - (keys[^k] & IndexMask))]++;
        }
    }
}

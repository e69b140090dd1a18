namespace OrleansLoyalty.Domain;

/// <summary>
/// Scores values 1–5 by where they stand among all of them: 1 + ⌊5 × (values worse than this one) / count⌋.
/// Equal values always score the same (a plain NTILE would split a tie across two scores), the best value
/// scores 5 only when enough others are worse, and a lone value scores 1.
/// </summary>
public sealed class QuintileScorer
{
    private readonly long[] _sorted;

    /// <param name="values">Every value in the population; higher is better.</param>
    public QuintileScorer(IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    public int Score(long value)
    {
        if (_sorted.Length == 0)
        {
            return 1;
        }
        var worse = LowerBound(value);
        // A value above the whole population (never one of its own) would otherwise score 6.
        return Math.Min(5, 1 + (int)(5L * worse / _sorted.Length));
    }

    /// <summary>How many values are strictly below <paramref name="value"/>.</summary>
    private int LowerBound(long value)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

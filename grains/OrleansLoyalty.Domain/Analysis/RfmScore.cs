namespace OrleansLoyalty.Domain;

/// <summary>Recency, frequency and monetary scores, each 1 (worst) to 5 (best) by quintile among the window's buyers.</summary>
public readonly record struct RfmScore(int R, int F, int M)
{
    /// <summary>Frequency and monetary together, as the segment rules read them: their mean, rounded down.</summary>
    public int FM => (F + M) / 2;
}

namespace OrleansLoyalty.Domain;

/// <summary>What happens when a return claws back more points than the member still has.</summary>
public enum ClawbackShortfall
{
    /// <summary>The balance goes negative; later earning repays it first (default).</summary>
    NegativeBalance = 0,

    /// <summary>The missing points are forgiven; the balance stops at zero.</summary>
    Forgive = 1,
}

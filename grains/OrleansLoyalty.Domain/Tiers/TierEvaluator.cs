namespace OrleansLoyalty.Domain;

/// <summary>
/// Tier rules of programme.md: upgrade at the commit that crosses a threshold (straight to the highest
/// tier qualified for); downgrade only on the anniversary of the last tier change, at most one tier a year.
/// An unknown current tier counts as the lowest.
/// </summary>
public sealed class TierEvaluator
{
    private readonly ImmutableArray<TierDefinition> _tiers;

    public TierEvaluator(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (programme.Tiers.IsDefaultOrEmpty)
        {
            throw new ArgumentException("the programme has no tiers", nameof(programme));
        }
        _tiers = programme.Tiers;
    }

    /// <summary>The highest tier the 12-month figures qualify for.</summary>
    public TierDefinition Qualifying(long spend12m, int visits12m)
    {
        for (var i = _tiers.Length - 1; i > 0; i--)
        {
            if (_tiers[i].IsQualifiedBy(spend12m, visits12m))
            {
                return _tiers[i];
            }
        }
        return _tiers[0];
    }

    /// <summary>The new tier when a commit lifts the member above <paramref name="currentTierId"/>; null otherwise.</summary>
    public TierDefinition? UpgradeOnCommit(string currentTierId, long spend12m, int visits12m)
    {
        var qualifying = Qualifying(spend12m, visits12m);
        return Rank(qualifying.Id) > Rank(currentTierId) ? qualifying : null;
    }

    /// <summary>On the anniversary: one tier down when the member no longer qualifies for the current one; null otherwise.</summary>
    public TierDefinition? DowngradeOnAnniversary(string currentTierId, long spend12m, int visits12m)
    {
        var current = Rank(currentTierId);
        return Rank(Qualifying(spend12m, visits12m).Id) < current ? _tiers[current - 1] : null;
    }

    public TierProgress Progress(string currentTierId, long spend12m, int visits12m)
    {
        var current = Rank(currentTierId);
        if (current >= _tiers.Length - 1)
        {
            return new TierProgress(_tiers[current].Id, null, 0, 0);
        }
        var next = _tiers[current + 1];
        return new TierProgress(_tiers[current].Id, next.Id,
            Math.Max(next.SpendThreshold - spend12m, 0), Math.Max(next.VisitsThreshold - visits12m, 0));
    }

    /// <summary>The next anniversary review of a tier changed on <paramref name="lastChange"/> (29 Feb → 28 Feb).</summary>
    public static DateOnly NextReview(DateOnly lastChange) => lastChange.AddYears(1);

    /// <summary>Members are told a month before the review.</summary>
    public static DateOnly DowngradeNoticeOn(DateOnly review) => review.AddMonths(-1);

    private int Rank(string tierId)
    {
        for (var i = 0; i < _tiers.Length; i++)
        {
            if (string.Equals(_tiers[i].Id, tierId, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return 0;
    }
}

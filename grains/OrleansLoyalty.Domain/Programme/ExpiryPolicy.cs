namespace OrleansLoyalty.Domain;

/// <summary>Points earned in calendar year Y expire at the end of 31 December Y + <see cref="YearsAfterEarningYear"/>.</summary>
/// <param name="YearsAfterEarningYear">1 in the default programme.</param>
/// <param name="NoticeDays">Members are told this many days before a lot expires.</param>
[GenerateSerializer, Immutable, Alias("domain.ExpiryPolicy")]
public sealed record ExpiryPolicy(
    [Id(0)] int YearsAfterEarningYear,
    [Id(1)] int NoticeDays)
{
    public static ExpiryPolicy Default { get; } = new(1, 30);

    /// <summary>Last day (store-local) on which points earned on <paramref name="earnedOn"/> can still be used.</summary>
    public DateOnly ExpiresOn(DateOnly earnedOn) => new(earnedOn.Year + YearsAfterEarningYear, 12, 31);
}

namespace OrleansLoyalty.Domain;

/// <summary>
/// What a campaign gives; each kind reads the fields it needs.
/// </summary>
/// <param name="Percent">percentOff: integer percent off (20 = 20 % off = 8折).</param>
/// <param name="Threshold">amountOffOver/bonusPoints: fen the targeted lines must reach; 0 = none.</param>
/// <param name="Amount">amountOffOver: fen off.</param>
/// <param name="Multiplier">pointsMultiplier: tenths (20 = 2.0×, 15 = 1.5×).</param>
/// <param name="Points">bonusPoints: points given.</param>
[GenerateSerializer, Immutable, Alias("domain.CampaignReward")]
public sealed record CampaignReward(
    [Id(0)] int Percent,
    [Id(1)] long Threshold,
    [Id(2)] long Amount,
    [Id(3)] int Multiplier,
    [Id(4)] long Points);

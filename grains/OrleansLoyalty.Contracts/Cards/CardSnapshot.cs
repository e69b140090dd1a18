namespace OrleansLoyalty.Contracts.Cards;

/// <summary>A card as the API shows it. <see cref="Balance"/> is stored value in fen.</summary>
[GenerateSerializer, Immutable, Alias("cards.CardSnapshot")]
public sealed record CardSnapshot(
    [property: Id(0)] string CardNo,
    [property: Id(1)] CardStatus Status,
    [property: Id(2)] string? MemberId,
    [property: Id(3)] string? Medium,
    [property: Id(4)] long Balance,
    [property: Id(5)] DateOnly? ExpiresOn,
    [property: Id(6)] string? ReplacedBy);

namespace OrleansLoyalty.Contracts.Cards;

[GenerateSerializer, Alias("cards.CardStatus")]
public enum CardStatus
{
    Unbound = 0,
    Active = 1,
    Lost = 2,
    Replaced = 3,
    Expired = 4,
}

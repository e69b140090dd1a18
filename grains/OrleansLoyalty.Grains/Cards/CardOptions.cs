using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Cards;

/// <summary>Stored-value rules. Defaults follow the PRC rules for registered (记名) single-purpose prepaid cards.</summary>
public sealed class CardOptions
{
    public const string SectionName = "Cards";

    /// <summary>Highest balance a card may hold, in fen (registered cards: ¥5,000).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBalance { get; set; } = 500_000;

    /// <summary>How many recent txnIds each card remembers for idempotent answers.</summary>
    [Range(16, 100_000)]
    public int RememberedMovements { get; set; } = 256;
}

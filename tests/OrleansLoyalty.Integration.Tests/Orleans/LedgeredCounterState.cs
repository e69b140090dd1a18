using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>A probe state that, like a member's or a card's, carries rows to be written in the same transaction.</summary>
[GenerateSerializer, Alias("test.ledgered-counter-state")]
public sealed class LedgeredCounterState : IHasCompanions
{
    [Id(0)]
    public int Value { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    public StateCompanions Companions => _companions;
}

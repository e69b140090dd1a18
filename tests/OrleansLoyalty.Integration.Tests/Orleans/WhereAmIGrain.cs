using Orleans.Placement;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

// Random placement so a set of grains spreads over every silo, whichever gateway the client uses.
[RandomPlacement]
public sealed class WhereAmIGrain(ILocalSiloDetails silo) : Grain, IWhereAmIGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());
}

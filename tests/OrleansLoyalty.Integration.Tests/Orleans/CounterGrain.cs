using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

public sealed class CounterGrain(
    [PersistentState(CounterGrain.StateName, PostgresOrleansExtensions.LoyaltyStorage)] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public const string StateName = "test-counter";

    public async Task<int> Increment()
    {
        state.State.Value++;
        state.State.LastWriter = silo.SiloAddress.ToString();
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);
}

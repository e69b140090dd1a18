namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Alias("test.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> Increment();

    [Alias("get")]
    Task<int> Get();
}

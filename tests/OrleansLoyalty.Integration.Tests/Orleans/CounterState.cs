namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[GenerateSerializer, Alias("test.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string LastWriter { get; set; } = string.Empty;
}

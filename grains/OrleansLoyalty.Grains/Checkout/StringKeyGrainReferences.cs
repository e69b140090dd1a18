namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// References to grains of one interface by string key, with the interface's grain type resolved once.
/// <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves the interface type and its grain type again on every call,
/// which cost about 2.5% of an HTTP quote's CPU for its two references.
/// </summary>
internal sealed class StringKeyGrainReferences<TGrain>(IGrainFactory grains) where TGrain : IGrainWithStringKey
{
    // Resolved on first use, when the silo's grain types are known; one reference made the usual way names them.
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var sample = (GrainReference)(object)grains.GetGrain<TGrain>("type-probe");
        return (sample.GrainId.Type, sample.InterfaceType);
    });

    public TGrain Get(string key)
    {
        var (grainType, interfaceType) = _types.Value;
        return (TGrain)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }
}

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>A store's catalog for its edge gateway's offline copy; keyed by storeId, answered from the silo's local rules.</summary>
public interface ILaneCatalogGrain : IGrainWithStringKey
{
    Task<LaneCatalogSnapshot> GetSnapshot();
}

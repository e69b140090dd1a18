namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Which time zone decides a store's "today".</summary>
public interface IStoreTimeZones
{
    TimeZoneInfo ForStore(string storeId);

    /// <summary>The zone of the chain-wide view.</summary>
    TimeZoneInfo ForChain();
}

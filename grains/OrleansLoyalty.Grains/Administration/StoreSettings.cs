namespace OrleansLoyalty.Grains.Administration;

/// <summary>A store as head office set it up (<c>PUT /stores/{storeId}</c>).</summary>
/// <param name="TimeZone">IANA id; decides the store's "today" for pricing, schedules and coupons.</param>
public sealed record StoreSettings(string StoreId, string Name, string TimeZone, string? Region);

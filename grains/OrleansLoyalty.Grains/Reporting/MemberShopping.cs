using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>What one analysis run reads per member: the history it scores, and the preferences it reports beside the scores.</summary>
public sealed record MemberShopping(PurchaseHistory History, string HomeStoreId, string? PreferredStoreId, string TopCategoriesJson);

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>A member as reports see it (the <c>members</c> table): no personal data, only what segments and dashboards count.</summary>
public sealed record MemberFacts(string MemberId, string StoreId, string Channel, DateTimeOffset RegisteredAt, string Tier);

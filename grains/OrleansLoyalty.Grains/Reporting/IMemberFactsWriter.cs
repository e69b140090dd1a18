namespace OrleansLoyalty.Grains.Reporting;

/// <summary>Keeps the <c>members</c> table (no personal data) in step for reports and dashboards.</summary>
public interface IMemberFactsWriter
{
    Task UpsertAsync(string memberId, string storeId, string channel, DateTimeOffset registeredAt, string tier, CancellationToken cancellationToken = default);
}

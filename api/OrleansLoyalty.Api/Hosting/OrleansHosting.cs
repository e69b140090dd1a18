using Orleans.Configuration;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Api.Hosting;

/// <summary>
/// The api co-hosts a silo by default (a grain call is then an in-process call); with
/// <c>Orleans:Mode=client</c> it joins an existing cluster as a client instead.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddLoyaltyOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "cohosted";
        if (string.Equals(mode, "client", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = DatabaseConnection.Require(builder.Configuration);
            var cluster = builder.Configuration.GetSection(LoyaltyClusterOptions.SectionName).Get<LoyaltyClusterOptions>() ?? new LoyaltyClusterOptions();
            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; })
                .UseLoyaltyPostgresClustering(connectionString)
                // Sales committed here, and the dashboards' updates, travel on the silos' event streams.
                .AddMemoryStreams(LoyaltyStreams.ProviderName)
                .AddLoyaltyClusterDashboard(builder.Configuration));
            builder.Services.AddLoyaltyClientServices(builder.Configuration, connectionString);
            builder.Services.AddLoyaltyDashboardServices();
        }
        else
        {
            builder.UseOrleans(silo => silo.AddLoyaltySilo(builder.Configuration));
        }
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>
/// Wires Orleans' ADO.NET providers to PostgreSQL. The schema and the providers' query texts come
/// from deploy/sql (applied by <c>OrleansLoyalty.Database.SchemaMigrator</c>) and must be in place
/// before a silo starts.
/// </summary>
public static class PostgresOrleansExtensions
{
    /// <summary>ADO.NET invariant the providers use to load Npgsql (their default is SQL Server).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Named grain storage for the product's grains: <c>[PersistentState("name", LoyaltyStorage)]</c>.</summary>
    public const string LoyaltyStorage = "loyalty";

    /// <summary>
    /// Membership, reminders, the default grain storage and the "loyalty" grain storage, all on one database.
    /// Grain state is written with Orleans' own serializer (see docs/adr/0001-grain-storage-serializer.md):
    /// state types need <c>[GenerateSerializer]</c>, stable <c>[Id]</c>s and an <c>[Alias]</c>.
    /// </summary>
    public static ISiloBuilder UseLoyaltyPostgres(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        builder.Configure<ClusterMembershipOptions>(options =>
        {
            // Every silo restart leaves a Dead row; without clean-up the table (read on every refresh) only grows.
            options.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1);
            options.DefunctSiloExpiration = TimeSpan.FromDays(1);
        });

        builder.AddAdoNetGrainStorageAsDefault(options => ConfigureGrainStorage(options, connectionString));
        builder.AddAdoNetGrainStorage(LoyaltyStorage, options => ConfigureGrainStorage(options, connectionString));

        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        return builder;
    }

    /// <summary>For an external Orleans client (e.g. the edge gateway): find gateways through the membership table.</summary>
    public static IClientBuilder UseLoyaltyPostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    private static void ConfigureGrainStorage(OptionsBuilder<AdoNetGrainStorageOptions> options, string connectionString) =>
        options.Configure<Serializer>((storage, serializer) =>
        {
            storage.Invariant = NpgsqlInvariant;
            storage.ConnectionString = connectionString;
            // Not the default (Newtonsoft JSON with assembly-qualified $type names, which break on renames).
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        });
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Npgsql;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Silo.Storage;

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

    /// <summary>The key of the connection pool that grain state is read and written through (its statements are prepared).</summary>
    public const string GrainStateDataSource = "grain-state";

    /// <summary>
    /// Membership, reminders, the default grain storage (Orleans' own state, e.g. stream pub-sub) and the "loyalty"
    /// grain storage, all on one database. Grain state is written with Orleans' own serializer (see docs/adr/0001-grain-storage-serializer.md):
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
        // The product's grains save through group commits on a table of their own (docs/database.md, "Grain state").
        builder.Services.TryAddSingleton(_ => DatabaseConnection.CreateDataSource(connectionString));
        builder.Services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddKeyedSingleton(GrainStateDataSource, (_, _) => DatabaseConnection.CreateGrainStateDataSource(connectionString));
        builder.Services.AddGrainStorage(LoyaltyStorage, (sp, _) => new PostgresGrainStorage(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(GrainStateDataSource),
            new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<IOptions<GroupCommitOptions>>().Value));

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

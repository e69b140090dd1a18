using Microsoft.Extensions.Logging.Abstractions;
using OrleansLoyalty.Database;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Collection(OrleansPostgresCollection.Name)]
public sealed class SchemaMigrationTests
{
    private const string HistorySnapshot =
        "SELECT coalesce(string_agg(id || ':' || checksum || ':' || applied_at::text, ',' ORDER BY id), '') FROM schema_migrations";

    private const string QuerySnapshot =
        "SELECT count(*)::text || ':' || md5(coalesce(string_agg(querykey || '=' || querytext, '|' ORDER BY querykey), '')) FROM orleansquery";

    [Fact]
    public async Task First_run_applies_every_migration_and_second_run_applies_nothing_and_changes_nothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var embedded = EmbeddedMigrations.Load().Select(m => m.Id).ToList();

        var first = await SchemaMigrator.ApplyAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);
        var historyAfterFirst = await database.ScalarAsync<string>(HistorySnapshot);
        var queriesAfterFirst = await database.ScalarAsync<string>(QuerySnapshot);

        var second = await SchemaMigrator.ApplyAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(embedded, first);
        Assert.Contains("0001_orleans", first);
        Assert.Empty(second);
        Assert.Equal(historyAfterFirst, await database.ScalarAsync<string>(HistorySnapshot));
        Assert.Equal(queriesAfterFirst, await database.ScalarAsync<string>(QuerySnapshot));
    }

    [Fact]
    public async Task Every_query_key_the_Orleans_providers_load_is_installed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);

        var keys = (await database.RowsAsync("SELECT querykey FROM orleansquery")).Select(r => (string)r[0]!).ToHashSet();

        string[] required =
        [
            // Clustering
            "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey",
            // Persistence
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            // Reminders
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Empty(required.Except(keys));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_migration_exactly_once()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            SchemaMigrator.ApplyAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None)));

        var applied = runs.SelectMany(ids => ids).ToList();
        Assert.Equal(EmbeddedMigrations.Load().Select(m => m.Id), applied.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused_with_a_clear_error()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var original = new Migration("0001_probe", "CREATE TABLE probe (id int);");
        await SchemaMigrator.ApplyAsync(database.ConnectionString, [original], NullLogger.Instance, CancellationToken.None);

        var edited = original with { Sql = "CREATE TABLE probe (id bigint);" };
        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() =>
            SchemaMigrator.ApplyAsync(database.ConnectionString, [edited], NullLogger.Instance, CancellationToken.None));

        Assert.Equal("0001_probe", error.MigrationId);
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var good = new Migration("0001_good", "CREATE TABLE good (id int);");
        var bad = new Migration("0002_bad", "CREATE TABLE half_done (id int); SELECT no_such_column FROM good;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SchemaMigrator.ApplyAsync(database.ConnectionString, [good, bad], NullLogger.Instance, CancellationToken.None));

        Assert.Contains("0002_bad", error.Message);
        Assert.Equal("0001_good", await database.ScalarAsync<string>(
            "SELECT string_agg(id, ',' ORDER BY id) FROM schema_migrations"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'"));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Integration.Tests.OrleansPostgres;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>deploy/backup.sh and deploy/restore.sh, as an operator uses them, between two real api processes.</summary>
[Collection(CrashCollection.Name)]
public sealed class BackupRestoreTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_restored_backup_answers_every_sale_it_holds_as_before_and_knows_nothing_of_a_later_one()
    {
        var settings = ApiProcessSettings.New(database.ConnectionString);
        var backups = Directory.CreateTempSubdirectory("loyalty-backups-").FullName;
        JsonNode before;
        string memberId, cardNo, dump;
        await using (var api = await ApiProcess.StartAsync(settings, "backup-source"))
        {
            using var lane = await ApiHttp.SignInAsync(settings);
            (memberId, cardNo) = await lane.MemberWithStoredValueAsync(20_000);
            var quote = await lane.PostAsync("/api/v1/checkout/quote", Baskets.Quote(cardNo, unitPrice: 1990, qty: 2));
            var sale = await lane.PostAsync("/api/v1/checkout/commit", Baskets.Commit("T-in-backup", cardNo, unitPrice: 1990, qty: 2, quote.Long("total"), storedValue: 3000));
            Assert.True(sale.Status == HttpStatusCode.OK, $"commit: {sale}");
            before = sale.Body!;

            dump = (await DeployScript.RunAsync("backup.sh", database.ConnectionString, backups)).Trim().Split('\n')[^1];

            var later = await lane.PostAsync("/api/v1/checkout/commit", Baskets.Commit("T-after-backup", cardNo, unitPrice: 1990, qty: 2, quote.Long("total"), storedValue: 3000));
            Assert.True(later.Status == HttpStatusCode.OK, $"later commit: {later}");
            await api.KillHardAsync();
        }

        await using var restoredDatabase = await TestPostgres.CreateDatabaseAsync();
        await DeployScript.RunAsync("restore.sh", restoredDatabase.ConnectionString, dump, "--yes");
        var restored = settings with { ConnectionString = restoredDatabase.ConnectionString, ClusterId = settings.ClusterId + "-restored" };
        await using var again = await ApiProcess.StartAsync(restored, "backup-restored");
        using var staff = await ApiHttp.SignInAsync(restored);

        var receipt = await staff.GetAsync("/api/v1/checkout/transactions/T-in-backup");
        var afterBackup = await staff.GetAsync("/api/v1/checkout/transactions/T-after-backup");
        var member = await staff.GetAsync($"/api/v1/members/{memberId}");
        var card = await staff.GetAsync($"/api/v1/cards/{cardNo}");

        Assert.True(JsonNode.DeepEquals(before, receipt.Body), $"receipt in the backup:\n{before.ToJsonString()}\nrestored:\n{receipt.Text}");
        Assert.Equal(HttpStatusCode.NotFound, afterBackup.Status);
        Assert.Equal(before["pointsBalance"]!.GetValue<long>(), member.Body!["points"]!["balance"]!.GetValue<long>());
        Assert.Equal(20_000 - 3000, card.Long("balance"));
        Assert.Single(Directory.GetFiles(backups, "loyalty-*.dump"));
    }
}

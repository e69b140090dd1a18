using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>What PostgreSQL keeps: balances across a restart, one cluster of several silos, no personal data in clear.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly LoyaltySecrets _secrets = LoyaltySecrets.New();
    private readonly string _clusterId = "durable-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private LoyaltyApp NewSilo() => new(_database.ConnectionString, _secrets, _clusterId);

    [Fact]
    public async Task An_api_that_is_only_a_client_of_the_cluster_quotes_commits_and_reads_as_a_co_hosting_one_does()
    {
        await using var silo = NewSilo();
        var onSilo = await LoyaltyClient.SignInAsync(silo.CreateClient(), "admin", LoyaltyApp.AdminPassword);
        await using var clientOnly = silo.WithWebHostBuilder(b => b.UseSetting("Orleans:Mode", "client"));
        var admin = await LoyaltyClient.SignInAsync(clientOnly.CreateClient(), "admin", LoyaltyApp.AdminPassword);
        var (memberId, _) = await admin.RegisterAsync();
        var cardNo = LoyaltyClient.NewId("88");
        await admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        await admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 8800, tender = "cash", storeId = "s001" });
        var basket = new { lineId = "1", sku = "RICE", qty = 1, unitPrice = 4500 };
        await using var dashboard = await Dashboard.DashboardTestClient.ConnectAsync(clientOnly.Server, admin.Http.DefaultRequestHeaders.Authorization!.Parameter!);
        await dashboard.Connection.InvokeAsync("JoinStore", "s001");
        await dashboard.WaitForAsync<DashboardSnapshot>(snapshot => snapshot.StoreId == "s001", "the store's snapshot");

        var quote = await admin.PostAsync("/api/v1/checkout/quote", new { storeId = "s001", laneId = "01", member = new { cardNo }, lines = new[] { basket } });
        var paid = await admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "01", txnId = LoyaltyClient.NewId("T"), member = new { cardNo }, lines = new[] { basket },
            tenders = new[] { new { kind = "storedValue", amount = quote.Long("total") } },
        });

        Assert.Equal((HttpStatusCode.OK, "none"), (quote.Status, quote.Body!["member"]!["storedValuePin"]!["state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.Equal(8800 - quote.Long("total"), (await onSilo.GetAsync($"/api/v1/cards/{cardNo}")).Long("balance"));
        // The sale, committed through the client, reaches a dashboard open on the client as well.
        await dashboard.WaitForAsync<DashboardUpdate>(update => update.StoreId == "s001" && update.Lanes.Any(lane => lane.LaneId == "01"), "the store's update");
    }

    [Fact]
    public async Task Points_and_stored_value_survive_a_restart_of_the_silo()
    {
        string memberId, cardNo = LoyaltyClient.NewId("88");
        await using (var first = NewSilo())
        {
            var admin = await LoyaltyClient.SignInAsync(first.CreateClient(), "admin", LoyaltyApp.AdminPassword);
            (memberId, _) = await admin.RegisterAsync();
            await admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "magstripe", storeId = "s001" });
            await admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = "TU1", amount = 8800, tender = "cash", storeId = "s001" });
            var receipt = await admin.PostAsync("/api/v1/checkout/commit", new
            {
                storeId = "s001", laneId = "01", txnId = "T-restart", member = new { cardNo },
                lines = new[] { new { lineId = "1", sku = "RICE", qty = 1, unitPrice = 4500 } },
                tenders = new[] { new { kind = "storedValue", amount = 4500, cardNo } },
            });
            Assert.Equal(HttpStatusCode.OK, receipt.Status);
        }

        await using var second = NewSilo();
        var again = await LoyaltyClient.SignInAsync(second.CreateClient(), "admin", LoyaltyApp.AdminPassword);
        var member = await again.GetAsync($"/api/v1/members/{memberId}");
        var card = await again.GetAsync($"/api/v1/cards/{cardNo}");
        var receiptAgain = await again.GetAsync("/api/v1/checkout/transactions/T-restart");

        Assert.Equal(145, member.Body!["points"]!["balance"]!.GetValue<long>());
        Assert.Equal(4300, card.Long("balance"));
        Assert.Equal(4300, member.Body!["storedValue"]!.GetValue<long>());
        Assert.Equal(45, receiptAgain.Long("pointsEarned"));
    }

    [Fact]
    public async Task Two_silos_on_one_database_are_one_cluster_and_either_answers_for_any_member()
    {
        await using var a = NewSilo();
        await using var b = NewSilo();
        var viaA = await LoyaltyClient.SignInAsync(a.CreateClient(), "admin", LoyaltyApp.AdminPassword);
        var viaB = await LoyaltyClient.SignInAsync(b.CreateClient(), "admin", LoyaltyApp.AdminPassword);

        var members = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            members.Add((await (i % 2 == 0 ? viaA : viaB).RegisterAsync()).MemberId);
        }
        Assert.Equal(2, await _database.ScalarAsync(
            "SELECT count(*) FROM orleans_membership WHERE cluster_id = @c AND status = 3", ("c", _clusterId)));
        foreach (var memberId in members)
        {
            var fromA = await viaA.GetAsync($"/api/v1/members/{memberId}");
            var fromB = await viaB.GetAsync($"/api/v1/members/{memberId}");
            Assert.Equal(HttpStatusCode.OK, fromA.Status);
            Assert.Equal(fromA.Body!["referralCode"]!.GetValue<string>(), fromB.Body!["referralCode"]!.GetValue<string>());
        }
        // A phone registered through one silo is taken for the other too: one phone index across the cluster.
        var phone = LoyaltyClient.RandomPhone();
        Assert.Equal(HttpStatusCode.Created, (await viaA.PostAsync("/api/v1/members", new { phone, name = "甲", storeId = "s001" })).Status);
        Assert.Equal("member.phone_taken", (await viaB.PostAsync("/api/v1/members", new { phone, name = "乙", storeId = "s001" })).Code);
    }

    [Fact]
    public async Task PostgreSQL_holds_no_phone_number_or_name_in_clear()
    {
        const string name = "欧阳娜娜";
        const string email = "ouyang.nana@example.cn";
        var phone = LoyaltyClient.RandomPhone();
        await using (var app = NewSilo())
        {
            var admin = await LoyaltyClient.SignInAsync(app.CreateClient(), "admin", LoyaltyApp.AdminPassword);
            var reply = await admin.PostAsync("/api/v1/members", new { phone, name, email, storeId = "s001", birthday = "1991-03-04" });
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            var memberId = reply.Body!["memberId"]!.GetValue<string>();
            await admin.PostAsync("/api/v1/checkout/commit", new
            {
                storeId = "s001", laneId = "01", txnId = "T-privacy", member = new { phone },
                lines = new[] { new { lineId = "1", sku = "TEA", qty = 1, unitPrice = 2000 } },
                tenders = new[] { new { kind = "cash", amount = 2000 } },
            });
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/members/{memberId}")).Status);
        }

        var needles = new[] { phone, name, email }
            .SelectMany(s => new[] { s, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)) })
            .ToArray();
        var tables = await _database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.True(tables > 5);
        foreach (var needle in needles)
        {
            var hits = await _database.ScalarAsync("""
                SELECT coalesce(sum(n), 0) FROM (
                  SELECT (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I t WHERE lower(t::text) LIKE %L', table_schema, table_name, '%' || @needle || '%'), false, true, '')))[1]::text::bigint AS n
                  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE') counts
                """, ("needle", needle.ToLowerInvariant()));
            Assert.True(hits == 0, $"found '{needle}' in clear in {hits} row(s)");
        }
        // The test would be worthless if the data were not there at all: the member's grain state row exists.
        Assert.True(await _database.ScalarAsync("SELECT count(*) FROM loyalty_grain_state") > 0);
    }
}

using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests.Cluster;

/// <summary>The gateway (a real process, Orleans mode) in front of the real cluster (api + silo processes, PostgreSQL).</summary>
[Collection(MqttCollection.Name)]
public sealed class ClusterOutageTests
{
    [Fact]
    public async Task Lanes_keep_selling_while_the_cluster_is_down_and_the_sale_is_committed_once_with_points_when_it_is_back()
    {
        await using var cluster = await LoyaltyCluster.CreateAsync();
        await cluster.StartAsync();
        var (memberId, cardNo) = await cluster.NewMemberWithCardAsync();
        var pointsBefore = await cluster.PointsAsync(memberId);

        using var setup = new GatewaySetup(TestBroker.StoreA);
        using var gateway = await GatewayProcess.StartAsync(setup, new Dictionary<string, string>
        {
            ["Gateway:Cluster:Mode"] = "Orleans",
            ["Gateway:Cluster:ConnectionString"] = cluster.ConnectionString,
            ["Gateway:Cluster:ClusterId"] = cluster.ClusterId,
            ["Gateway:Cluster:ProbeInterval"] = "00:00:00.500",
            ["Gateway:Cluster:CallTimeout"] = "00:00:02",
        });
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "04");

        // Online: the cluster knows the member behind the card.
        await Eventually.UntilAsync(gateway.IsClusterReachable, "the gateway to join the cluster", deadline: TimeSpan.FromSeconds(60));
        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("card"), cardNo));
        var swiped = (await lane.WaitForAsync("display")).Json;
        Assert.Equal("online", swiped.GetProperty("mode").GetString());
        Assert.Equal("standard", swiped.GetProperty("member").GetProperty("tier").GetString());

        cluster.Kill();
        var rice = Payloads.NewId("rice");
        await lane.PublishAsync("scan", Payloads.Scan(rice, TestCatalog.Rice));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("yogurt"), TestCatalog.Yogurt, qty: 2));
        var offline = await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 2, TimeSpan.FromSeconds(30));
        Assert.Equal("offline", offline.Json.GetProperty("mode").GetString());
        var total = TestCatalog.RicePrice + (2 * TestCatalog.YogurtPrice);
        Assert.Equal(total, offline.Json.GetProperty("total").GetInt64());
        var txnId = Payloads.NewId("txn");
        await lane.PublishAsync("pos", Payloads.Pay(Payloads.NewId("pay"), txnId, total, "wechatpay"));
        var offlineReceipt = await lane.WaitForAsync("receipt", r => r.Json.GetProperty("mode").GetString() == "offline");
        Assert.Equal(txnId, offlineReceipt.Json.GetProperty("txnId").GetString());

        await cluster.StartAsync();
        var settled = await lane.WaitForAsync("receipt", r => r.Json.GetProperty("settledFromOffline").GetBoolean(), TimeSpan.FromSeconds(90));
        Assert.Equal(total, settled.Json.GetProperty("total").GetInt64());
        var earned = settled.Json.GetProperty("pointsEarned").GetInt64();
        Assert.Equal(total / 100, earned);

        Assert.Equal(pointsBefore + earned, await cluster.PointsAsync(memberId));
        var ledger = await cluster.LedgerAsync(memberId);
        var entry = Assert.Single(ledger, item => item.GetProperty("txnId").GetString() == txnId);
        Assert.Equal(earned, entry.GetProperty("points").GetInt64());
        Assert.Single(lane.Of("receipt"), r => r.Json.GetProperty("settledFromOffline").GetBoolean());
    }
}

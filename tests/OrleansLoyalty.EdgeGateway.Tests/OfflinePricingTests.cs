using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

/// <summary>What the cluster's pricing rules do to a basket sold offline (the rules copy is the fake cluster's, see <see cref="TestRules"/>).</summary>
[Collection(MqttCollection.Name)]
public sealed class OfflinePricingTests
{
    [Fact]
    public async Task An_anonymous_offline_basket_gets_public_campaigns_and_open_public_codes_but_nothing_only_the_cluster_can_check()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        setup.Backend.Available = false;
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "03");

        var banana = Payloads.NewId("banana");
        var yogurt = Payloads.NewId("yogurt");
        await lane.PublishAsync("scan", Payloads.Weighed(banana, TestCatalog.Banana, grams: 1000));
        await lane.PublishAsync("scan", Payloads.Scan(yogurt, TestCatalog.Yogurt, qty: 2));
        var scanned = await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 2);
        // Bananas 6.98 with 10 % off fruit (0.70) + yogurt 25.00 = 31.28; no member, so no tier discount.
        Assert.Equal(3128, scanned.Json.GetProperty("total").GetInt64());

        var limited = Payloads.NewId("limited");
        var memberCoupon = Payloads.NewId("member-coupon");
        var points = Payloads.NewId("points");
        await lane.PublishAsync("pos", Payloads.Coupon(limited, TestRules.LimitedCode));
        await lane.PublishAsync("pos", Payloads.Coupon(memberCoupon, "C-7KQ2-91XZ"));
        await lane.PublishAsync("pos", Payloads.RedeemPoints(points, 500));
        foreach (var refused in new[] { limited, memberCoupon, points })
        {
            var error = await lane.WaitForAsync("error", e => e.EventId == refused);
            Assert.Equal("offline.unavailable", error.Json.GetProperty("code").GetString());
        }

        var open = Payloads.NewId("open");
        await lane.PublishAsync("pos", Payloads.Coupon(open, TestRules.OpenCode.ToLowerInvariant()));
        var withCoupon = await lane.WaitForAsync("display", d => d.Json.GetProperty("discounts").GetArrayLength() == 2);
        Assert.Equal("offline", withCoupon.Json.GetProperty("mode").GetString());
        Assert.Equal(2628, withCoupon.Json.GetProperty("total").GetInt64());
        Assert.Equal(
            [("campaign:fruit10", "promotion", 70L), ($"coupon:{TestRules.OpenCode}", "coupon", 500L)],
            withCoupon.Json.GetProperty("discounts").EnumerateArray()
                .Select(d => (d.GetProperty("ruleId").GetString(), d.GetProperty("kind").GetString(), d.GetProperty("amount").GetInt64())));

        var pay = Payloads.NewId("pay");
        await lane.PublishAsync("pos", Payloads.Pay(pay, Payloads.NewId("txn"), 2628));
        var receipt = await lane.WaitForAsync("receipt");
        Assert.Equal(2628, receipt.Json.GetProperty("total").GetInt64());

        // Back online: what was shown offline reaches the cluster in order, the refused events never do.
        setup.Backend.Available = true;
        await Eventually.UntilAsync(() => setup.Backend.Applied("03").Count == 4, "the replay", gateway.NudgeProbe);
        Assert.Equal([banana, yogurt, open, pay], setup.Backend.Applied("03"));
    }

    [Fact]
    public async Task A_member_whose_card_was_seen_online_keeps_their_tier_when_swiping_again_offline()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "02");
        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("card"), "8800077777"));
        await lane.PublishAsync("pos", Payloads.Void(Payloads.NewId("void")));
        await lane.WaitForAsync("display", d => d.Json.GetProperty("sessionId").GetString() == "02-s1");

        setup.Backend.Available = false;
        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("again"), "8800077777"));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("yogurt"), TestCatalog.Yogurt, qty: 2));
        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("stranger"), "8800055555"));
        var offline = await lane.WaitForAsync("display", d => d.Json.GetProperty("mode").GetString() == "offline" && d.Json.GetProperty("lines").GetArrayLength() == 1);
        Assert.Equal("gold", offline.Json.GetProperty("member").GetProperty("tier").GetString());
        Assert.Equal(2375, offline.Json.GetProperty("total").GetInt64());

        var stranger = await lane.WaitForAsync("display", d => d.Json.TryGetProperty("member", out var member) && member.GetProperty("displayName").GetString()!.EndsWith("5555", StringComparison.Ordinal));
        Assert.Equal("unknown", stranger.Json.GetProperty("member").GetProperty("tier").GetString());
        Assert.Equal(2500, stranger.Json.GetProperty("total").GetInt64());
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class CrashTests
{
    [Fact]
    public async Task A_gateway_killed_with_kill_9_mid_stream_loses_nothing_and_journals_nothing_twice()
    {
        using var setup = new GatewaySetup(TestBroker.StoreB);
        await using var laneA = await DeviceClient.ConnectAsync(setup.StoreId, "01");
        await using var laneB = await DeviceClient.ConnectAsync(setup.StoreId, "02");
        var idsA = Enumerable.Range(0, 150).Select(i => $"crashA-{i:D4}-{Guid.NewGuid():N}"[..40]).ToList();
        var idsB = Enumerable.Range(0, 150).Select(i => $"crashB-{i:D4}-{Guid.NewGuid():N}"[..40]).ToList();

        using (var first = await GatewayProcess.StartAsync(setup))
        {
            var publishing = PublishAllAsync(laneA, laneB, idsA, idsB);
            await Eventually.UntilAsync(() => laneA.Of("display").Count + laneB.Of("display").Count >= 60, "some displays before the crash");
            first.KillHard();
            await publishing;
        }

        using var second = await GatewayProcess.StartAsync(setup);
        await Eventually.UntilAsync(
            () => Displayed(laneA, idsA.Count) && Displayed(laneB, idsB.Count),
            "a display for every event after the restart",
            deadline: TimeSpan.FromSeconds(60));
        second.KillHard();

        // Standalone: nothing reached a cluster, so every event is still owed, each exactly once, in order.
        await using var journal = EventJournal.Open(setup.JournalPath, 8 * 1024 * 1024, 10_000, NullLogger<EventJournal>.Instance);
        Assert.Equal(idsA, journal.Recovery.PendingByLane["01"].Select(p => p.Journaled.Event.EventId));
        Assert.Equal(idsB, journal.Recovery.PendingByLane["02"].Select(p => p.Journaled.Event.EventId));
    }

    private static bool Displayed(DeviceClient lane, int lines) =>
        lane.Of("display").Any(d => d.Json.GetProperty("lines").GetArrayLength() == lines);

    private static async Task PublishAllAsync(DeviceClient laneA, DeviceClient laneB, List<string> idsA, List<string> idsB)
    {
        for (var i = 0; i < idsA.Count; i++)
        {
            await laneA.PublishAsync("scan", Payloads.Scan(idsA[i], TestCatalog.Yogurt));
            await laneB.PublishAsync("scan", Payloads.Scan(idsB[i], TestCatalog.Rice));
            if (i % 10 == 0)
            {
                // Devices retry now and then: repeats must not count twice, before or after the crash.
                await laneA.PublishAsync("scan", Payloads.Scan(idsA[i / 2], TestCatalog.Yogurt));
            }
        }
    }
}

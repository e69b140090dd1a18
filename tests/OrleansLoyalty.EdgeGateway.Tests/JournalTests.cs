using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Journal;

namespace OrleansLoyalty.EdgeGateway.Tests;

public sealed class JournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "loyalty-journal-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_line_torn_by_a_crash_is_cut_off_and_everything_before_it_is_kept()
    {
        await using (var journal = Open())
        {
            await AppendAsync(journal, "e1", "e2");
        }
        var segment = Directory.GetFiles(_directory, "journal-*.jsonl").Single();
        await File.AppendAllTextAsync(segment, "{\"t\":\"ev\",\"seq\":3,\"ev\":{\"storeId\":\"s", Encoding.UTF8);

        await using var reopened = Open();
        Assert.Equal(1, reopened.Recovery.TornRecordsDropped);
        Assert.Equal(["e1", "e2"], reopened.Recovery.PendingByLane["01"].Select(p => p.Journaled.Event.EventId));
        await AppendAsync(reopened, "e3");
        await using var again = OpenAfter(reopened);
        Assert.Equal(["e1", "e2", "e3"], again.Recovery.PendingByLane["01"].Select(p => p.Journaled.Event.EventId));
    }

    [Fact]
    public async Task Settled_segments_are_deleted_but_their_event_ids_are_still_recognised()
    {
        var ids = Enumerable.Range(0, 400).Select(i => $"evt-{i:D4}").ToArray();
        await using (var journal = Open(segmentBytes: 64 * 1024))
        {
            foreach (var entry in await AppendAsync(journal, ids[..390]))
            {
                journal.RecordApplied(entry, displaySeq: entry.Seq, settled: true);
            }
            await AppendAsync(journal, ids[390..]);
            // More traffic so that the writer rotates past the settled segment.
            foreach (var entry in await AppendAsync(journal, [.. Enumerable.Range(0, 400).Select(i => $"more-{i:D4}")]))
            {
                journal.RecordApplied(entry, displaySeq: entry.Seq, settled: true);
            }
            await journal.FlushAsync();
        }
        Assert.True(File.Exists(Path.Combine(_directory, "state.json")));
        Assert.DoesNotContain(Path.Combine(_directory, "journal-00000001.jsonl"), Directory.GetFiles(_directory));

        await using var reopened = Open(segmentBytes: 64 * 1024);
        Assert.Equal(ids[390..], reopened.Recovery.PendingByLane["01"].Select(p => p.Journaled.Event.EventId));
        Assert.False(reopened.TryAppend(Event("evt-0001"), 0, _ => { }, out _));
        Assert.Equal(800, reopened.LastDisplaySeq("01"));
    }

    [Fact]
    public async Task An_event_shown_offline_is_remembered_as_owed_with_its_sale_total()
    {
        await using (var journal = Open())
        {
            var entries = await AppendAsync(journal, "scan-1", "pay-1", "scan-2");
            journal.RecordApplied(entries[0], 1, settled: false);
            journal.RecordApplied(entries[1], 2, settled: false, offlineSaleTotal: 1250);
            journal.RecordApplied(entries[2], 2, settled: true);
            journal.RecordDelivered(entries[0]);
            await journal.FlushAsync();
        }

        await using var reopened = Open();
        var pending = Assert.Single(reopened.Recovery.PendingByLane["01"]);
        Assert.Equal("pay-1", pending.Journaled.Event.EventId);
        Assert.Equal(PendingEventState.AppliedOffline, pending.State);
        Assert.Equal(1250, pending.OfflineSaleTotal);
        Assert.Equal(1, reopened.PendingCount);
    }

    [Fact]
    public async Task A_pay_with_a_payment_pin_reaches_its_lane_with_it_but_the_journal_on_disk_never_holds_it()
    {
        JournaledEvent entry;
        await using (var journal = Open())
        {
            var pay = Event("pay-pin") with
            {
                Kind = LaneEventKind.Pay, Barcode = null, Qty = null, TxnId = "T-PIN", PaymentPin = "024680",
                Tenders = [new LaneTender { Kind = "storedValue", Amount = 500 }],
            };
            var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Assert.True(journal.TryAppend(pay, 0, _ => durable.SetResult(), out var appended));
            await durable.Task;
            entry = appended!;
        }

        Assert.Equal("024680", entry.Event.PaymentPin);
        var onDisk = string.Concat(Directory.GetFiles(_directory).Select(File.ReadAllText));
        Assert.Contains("T-PIN", onDisk, StringComparison.Ordinal);
        Assert.DoesNotContain("024680", onDisk, StringComparison.Ordinal);
        await using var reopened = Open();
        Assert.Null(Assert.Single(reopened.Recovery.PendingByLane["01"]).Journaled.Event.PaymentPin);
    }

    [Fact]
    public async Task A_snapshot_written_by_an_older_gateway_with_the_ids_themselves_still_recognises_them()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(
            Path.Combine(_directory, "state.json"),
            """{"nextSeq":3,"lanes":{"01":{"seen":["old-1","old-2"],"displaySeq":7}}}""");

        await using (var journal = Open())
        {
            Assert.False(journal.TryAppend(Event("old-2"), 0, _ => { }, out _));
            Assert.Equal(7, journal.LastDisplaySeq("01"));
            await AppendAsync(journal, "new-1");
        }
        await using var reopened = Open();
        Assert.False(reopened.TryAppend(Event("old-1"), 0, _ => { }, out _));
        Assert.False(reopened.TryAppend(Event("new-1"), 0, _ => { }, out _));
        Assert.True(reopened.TryAppend(Event("new-2"), 0, _ => { }, out _));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private EventJournal Open(long segmentBytes = 1024 * 1024) =>
        EventJournal.Open(_directory, segmentBytes, 10_000, NullLogger<EventJournal>.Instance);

    private EventJournal OpenAfter(EventJournal previous)
    {
        previous.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return Open();
    }

    private static LaneEvent Event(string eventId) => new()
    {
        StoreId = "s001",
        LaneId = "01",
        EventId = eventId,
        Kind = LaneEventKind.Scan,
        At = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8)),
        Barcode = "6901234567892",
        Qty = 1,
    };

    private static async Task<List<JournaledEvent>> AppendAsync(EventJournal journal, params string[] eventIds)
    {
        var durable = new List<Task>();
        var entries = new List<JournaledEvent>();
        foreach (var id in eventIds)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Assert.True(journal.TryAppend(Event(id), 0, _ => done.SetResult(), out var entry));
            entries.Add(entry!);
            durable.Add(done.Task);
        }
        await Task.WhenAll(durable);
        return entries;
    }
}
